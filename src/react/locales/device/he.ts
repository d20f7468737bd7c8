import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'המשך בטלפון',
  noCamera: 'לא נמצאה מצלמה במכשיר הזה.',
  cameraDenied: 'המצלמה חסומה עבור האתר הזה.',
  deniedChromium: 'יש לבחור בסמל שמשמאל לשורת הכתובת, לאפשר את המצלמה ולנסות שוב.',
  deniedFirefox: 'יש לבחור בסמל המצלמה המחוק בשורת הכתובת, להסיר את החסימה ולנסות שוב.',
  deniedSafari: 'יש לבחור Safari › הגדרות עבור אתר זה, לאפשר את המצלמה ולנסות שוב.',
  deniedIos: 'יש להקיש על aA בשורת הכתובת, לבחור הגדרות אתר, לאפשר את המצלמה ולנסות שוב.',
  deniedOther: 'יש לאפשר את המצלמה לאתר הזה בהגדרות הדפדפן ולנסות שוב.',
  flowFailed: 'האימות לא נטען.',
  flowFailedHint: 'ייתכן שתוסף דפדפן, חומת אש או שרת proxy חוסמים אותו.',
  handoffScan: 'יש לסרוק את הקוד במצלמת הטלפון, או להעתיק את הקישור ולפתוח אותו בטלפון. הוא פועל פעם אחת בלבד, לכמה דקות.',
  handoffWaiting: 'ממתין לטלפון…',
  handoffOpened: 'נפתח בטלפון. יש לסיים שם: הדף הזה מתעדכן מעצמו.',
  handoffExpired: 'תוקף הקישור הזה פג.',
  qrLabel: 'קוד QR עם הקישור לטלפון',
  copyLink: 'העתקת הקישור',
  linkCopied: 'הקישור הועתק',
  newLink: 'יצירת קישור חדש',
  cancel: 'ביטול',
}

export default messages
