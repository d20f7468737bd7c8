import type { Messages } from './en'

const messages: Messages = {
  start: 'تحقق من هويتك',
  starting: 'جارٍ البدء…',
  retry: 'أعد المحاولة',
  close: 'إغلاق',
  dialogTitle: 'التحقق من الهوية',
  testMode: 'وضع الاختبار',
  requires_input: 'في انتظار أن تبدأ',
  in_progress: 'التحقق جارٍ',
  processing: 'جارٍ فحص النتيجة…',
  verified: 'تم التحقق منك',
  failed: 'فشل التحقق',
  canceled: 'تم إلغاء التحقق',
  expired: 'انتهت صلاحية الجلسة. يرجى البدء من جديد.',
  errorNetwork: 'تعذر الوصول إلى خدمة التحقق. تحقق من اتصالك وأعد المحاولة.',
  errorRateLimited: 'محاولات كثيرة جدًا. انتظر قليلًا ثم أعد المحاولة.',
  errorPopup: 'حظر المتصفح نافذة التحقق. اسمح بالنوافذ المنبثقة وأعد المحاولة.',
  errorGeneric: 'حدث خطأ أثناء التحقق. يرجى إعادة المحاولة.',
  verifiedButton: 'Identity verified',
  failedButton: 'Try verification again',
  canceledButton: 'Start verification again',
  expiredButton: 'Start a new verification',
  failedHint: 'Good light and a clear view of your face help.',
  flowLoading: 'Loading the verification…',
}

export default messages
