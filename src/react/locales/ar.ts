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
  verifiedButton: 'تم التحقق من الهوية',
  failedButton: 'أعد محاولة التحقق',
  canceledButton: 'ابدأ التحقق من جديد',
  expiredButton: 'ابدأ تحققًا جديدًا',
  failedHint: 'تساعد الإضاءة الجيدة ورؤية وجهك بوضوح.',
  flowLoading: 'جارٍ تحميل التحقق…',
}

export default messages
