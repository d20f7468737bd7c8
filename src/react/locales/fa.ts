import type { Messages } from './en'

const messages: Messages = {
  start: 'هویت خود را تأیید کنید',
  starting: 'در حال شروع…',
  retry: 'تلاش دوباره',
  close: 'بستن',
  dialogTitle: 'تأیید هویت',
  testMode: 'حالت آزمایشی',
  requires_input: 'منتظر شروع شما',
  in_progress: 'تأیید هویت در جریان است',
  processing: 'در حال بررسی نتیجه…',
  verified: 'هویت شما تأیید شد',
  failed: 'تأیید هویت ناموفق بود',
  canceled: 'تأیید هویت لغو شد',
  expired: 'جلسه منقضی شد. لطفاً دوباره شروع کنید.',
  errorNetwork: 'اتصال برقرار نشد. اتصال خود را بررسی و دوباره تلاش کنید.',
  errorRateLimited: 'تعداد تلاش‌ها زیاد است. کمی صبر کنید و دوباره تلاش کنید.',
  errorPopup: 'پنجرهٔ تأیید مسدود شد. اجازهٔ باز شدن پنجره‌های بازشو را بدهید و دوباره تلاش کنید.',
  errorGeneric: 'مشکلی پیش آمد. لطفاً دوباره تلاش کنید.',
  verifiedButton: 'هویت تأیید شد',
  failedButton: 'تلاش دوباره برای تأیید هویت',
  canceledButton: 'شروع دوبارهٔ تأیید هویت',
  expiredButton: 'شروع تأیید هویت جدید',
  failedHint: 'نور کافی و دید واضح از چهره کمک می‌کند.',
  flowLoading: 'در حال بارگیری تأیید هویت…',
}

export default messages
