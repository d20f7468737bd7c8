import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'اللغة',
  testModeNote: 'لا يحدث تحقق حقيقي ولا تُحتسب أي نتيجة.',
  startingBody: 'جارٍ تجهيز جلسة آمنة…',
  idleTitle: 'ابدأ متى شئت',
  idleBody: 'سيُطلب منك النظر إلى الكاميرا لبضع ثوانٍ.',
  requiresInputBody: 'اتبع الخطوات أدناه. تُستخدم الكاميرا لهذا التحقق فقط.',
  inProgressBody: 'أبقِ هذه الصفحة مفتوحة حتى تنهي الخطوات.',
  processingBody: 'يستغرق ذلك عادةً بضع ثوانٍ. يمكنك إبقاء هذه الصفحة مفتوحة.',
  verifiedBody: 'يمكنك إغلاق هذه الصفحة والعودة إلى حيث بدأت.',
  failedBody: 'لم نتمكن من التأكد من أنك أنت. تساعد الإضاءة الجيدة ورؤية وجهك بوضوح.',
  canceledBody: 'لم يُفحص أي شيء. يمكنك البدء من جديد متى شئت.',
  expiredBody: 'حفاظًا على أمانك، تدوم الجلسات وقتًا قصيرًا.',
  offlineTitle: 'أنت غير متصل',
  offlineBody: 'سنتابع فور عودة اتصالك.',
  rateLimitedTitle: 'يرجى الانتظار قليلًا',
  rateLimitedBody:
    '{seconds, plural, zero {إعادة المحاولة الآن.} one {إعادة المحاولة خلال ثانية واحدة.} two {إعادة المحاولة خلال ثانيتين.} few {إعادة المحاولة خلال # ثوانٍ.} many {إعادة المحاولة خلال # ثانية.} other {إعادة المحاولة خلال # ثانية.}}',
  errorTitle: 'حدث خطأ ما',
  startAgain: 'ابدأ من جديد',
  cancel: 'إلغاء',
  footer: 'يتحقق {provider} من وجهك. لا ترى هذه الصفحة صورك أبدًا، بل النتيجة فقط.',
  handoffTakenTitle: 'فُتح بالفعل على جهاز آخر',
  handoffTakenBody: 'يعمل هذا الرابط على جهاز واحد فقط. للمتابعة، أنشئ رابطًا جديدًا على حاسوبك.',
  handoffExpiredTitle: 'انتهت صلاحية هذا الرابط',
  handoffExpiredBody: 'تعمل الروابط لبضع دقائق. أنشئ رابطًا جديدًا على حاسوبك.',
  handoffInvalidTitle: 'هذا الرابط لا يعمل',
  handoffInvalidBody: 'ربما يكون ناقصًا، أو حلّ محله رابط أحدث. أنشئ رابطًا جديدًا على حاسوبك.',
  handoffEndedTitle: 'انتهى هذا التحقق',
  handoffEndedBody: 'عد إلى حاسوبك لرؤية النتيجة أو للبدء من جديد.',
  phoneDoneBody: 'يمكنك العودة إلى حاسوبك الآن: فهو يعرض النتيجة أيضًا.',
  phoneRetryBody: 'عد إلى حاسوبك لإعادة المحاولة.',
  phoneNoCameraBody: 'هذا الجهاز أيضًا لا يحتوي على كاميرا يمكننا استخدامها. افتح الرابط على هاتف آخر.',
}

export default messages
