import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Ngôn ngữ',
  testModeNote: 'Không có xác minh thật nào diễn ra và không kết quả nào được tính.',
  startingBody: 'Đang chuẩn bị phiên bảo mật…',
  idleTitle: 'Bắt đầu khi bạn sẵn sàng',
  idleBody: 'Bạn sẽ được yêu cầu nhìn vào camera trong vài giây.',
  requiresInputBody: 'Hãy làm theo các bước bên dưới. Camera của bạn chỉ được dùng cho lần kiểm tra này.',
  inProgressBody: 'Hãy giữ trang này mở trong khi bạn hoàn tất các bước.',
  processingBody: 'Việc này thường mất vài giây. Bạn có thể giữ trang này mở.',
  verifiedBody: 'Bạn có thể đóng trang này và quay lại nơi bạn đã bắt đầu.',
  failedBody: 'Chúng tôi không thể xác nhận đó là bạn. Ánh sáng tốt và khuôn mặt rõ ràng sẽ giúp ích.',
  canceledBody: 'Chưa có gì được kiểm tra. Bạn có thể bắt đầu lại bất cứ khi nào bạn sẵn sàng.',
  expiredBody: 'Vì sự an toàn của bạn, các phiên chỉ kéo dài trong thời gian ngắn.',
  offlineTitle: 'Bạn đang ngoại tuyến',
  offlineBody: 'Chúng tôi sẽ tiếp tục ngay khi có kết nối trở lại.',
  rateLimitedTitle: 'Vui lòng đợi một lát',
  rateLimitedBody: '{seconds, plural, other {Sẽ thử lại sau # giây.}}',
  errorTitle: 'Đã xảy ra lỗi',
  startAgain: 'Bắt đầu lại',
  cancel: 'Hủy',
  footer: 'Khuôn mặt của bạn được {provider} kiểm tra. Trang này không bao giờ thấy hình ảnh của bạn, chỉ thấy kết quả.',
}

export default messages
