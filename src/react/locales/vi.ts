import type { Messages } from './en'

const messages: Messages = {
  start: 'Xác minh danh tính của bạn',
  starting: 'Đang bắt đầu…',
  retry: 'Thử lại',
  close: 'Đóng',
  dialogTitle: 'Xác minh danh tính',
  testMode: 'Chế độ thử nghiệm',
  requires_input: 'Đang chờ bạn bắt đầu',
  in_progress: 'Đang xác minh',
  processing: 'Đang kiểm tra kết quả của bạn…',
  verified: 'Bạn đã được xác minh',
  failed: 'Xác minh không thành công',
  canceled: 'Đã hủy xác minh',
  expired: 'Phiên đã hết hạn. Vui lòng bắt đầu lại.',
  errorNetwork: 'Không thể kết nối. Hãy kiểm tra kết nối và thử lại.',
  errorRateLimited: 'Quá nhiều lần thử. Hãy đợi một lát rồi thử lại.',
  errorPopup: 'Cửa sổ xác minh đã bị chặn. Hãy cho phép cửa sổ bật lên và thử lại.',
  errorGeneric: 'Đã xảy ra lỗi. Vui lòng thử lại.',
  verifiedButton: 'Đã xác minh danh tính',
  failedButton: 'Thử xác minh lại',
  canceledButton: 'Bắt đầu lại quá trình xác minh',
  expiredButton: 'Bắt đầu lượt xác minh mới',
  failedHint: 'Ánh sáng tốt và khuôn mặt rõ ràng sẽ giúp ích.',
  flowLoading: 'Đang tải quá trình xác minh…',
}

export default messages
