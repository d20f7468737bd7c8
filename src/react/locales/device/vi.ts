import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Tiếp tục trên điện thoại',
  noCamera: 'Không tìm thấy camera trên thiết bị này.',
  cameraDenied: 'Camera đang bị chặn cho trang web này.',
  deniedChromium: 'Chọn biểu tượng ở bên trái thanh địa chỉ, cho phép camera rồi thử lại.',
  deniedFirefox: 'Chọn biểu tượng camera bị gạch trên thanh địa chỉ, bỏ chặn rồi thử lại.',
  deniedSafari: 'Chọn Safari › Cài đặt cho trang web này, cho phép camera rồi thử lại.',
  deniedIos: 'Chạm vào aA trên thanh địa chỉ, chọn Cài đặt trang web, cho phép camera rồi thử lại.',
  deniedOther: 'Cho phép camera cho trang web này trong phần cài đặt của trình duyệt rồi thử lại.',
  flowFailed: 'Không tải được bước xác minh.',
  flowFailedHint: 'Có thể một tiện ích trình duyệt, tường lửa hoặc proxy đang chặn nó.',
  handoffScan:
    'Quét mã này bằng camera điện thoại, hoặc sao chép liên kết và mở trên điện thoại. Liên kết chỉ dùng được một lần, trong vài phút.',
  handoffWaiting: 'Đang chờ điện thoại của bạn…',
  handoffOpened: 'Đã mở trên điện thoại. Hãy hoàn tất ở đó: trang này sẽ tự cập nhật.',
  handoffExpired: 'Liên kết này đã hết hạn.',
  qrLabel: 'Mã QR chứa liên kết cho điện thoại của bạn',
  copyLink: 'Sao chép liên kết',
  linkCopied: 'Đã sao chép liên kết',
  newLink: 'Tạo liên kết mới',
  cancel: 'Hủy',
}

export default messages
