import type { Messages } from './en'

const messages: Messages = {
  start: 'اپنی شناخت کی تصدیق کریں',
  starting: 'شروع ہو رہا ہے…',
  retry: 'دوبارہ کوشش کریں',
  close: 'بند کریں',
  dialogTitle: 'شناخت کی تصدیق',
  testMode: 'ٹیسٹ موڈ',
  requires_input: 'آپ کے شروع کرنے کا انتظار ہے',
  in_progress: 'تصدیق جاری ہے',
  processing: 'آپ کا نتیجہ جانچا جا رہا ہے…',
  verified: 'آپ کی تصدیق ہو گئی ہے',
  failed: 'تصدیق ناکام ہو گئی',
  canceled: 'تصدیق منسوخ کر دی گئی',
  expired: 'سیشن کی میعاد ختم ہو گئی۔ براہ کرم دوبارہ شروع کریں۔',
  errorNetwork: 'رابطہ نہیں ہو سکا۔ اپنا کنکشن چیک کریں اور دوبارہ کوشش کریں۔',
  errorRateLimited: 'بہت زیادہ کوششیں۔ تھوڑا انتظار کریں اور دوبارہ کوشش کریں۔',
  errorPopup: 'تصدیق کی ونڈو بلاک کر دی گئی۔ پاپ اپ کی اجازت دیں اور دوبارہ کوشش کریں۔',
  errorGeneric: 'کچھ غلط ہو گیا۔ براہ کرم دوبارہ کوشش کریں۔',
  verifiedButton: 'شناخت کی تصدیق ہو گئی',
  failedButton: 'تصدیق کی دوبارہ کوشش کریں',
  canceledButton: 'تصدیق دوبارہ شروع کریں',
  expiredButton: 'نئی تصدیق شروع کریں',
  failedHint: 'اچھی روشنی اور چہرہ صاف نظر آنے سے مدد ملتی ہے۔',
  flowLoading: 'تصدیق لوڈ ہو رہی ہے…',
}

export default messages
