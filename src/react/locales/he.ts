import type { Messages } from './en'

const messages: Messages = {
  start: 'לאימות הזהות',
  starting: 'מתחילים…',
  retry: 'ניסיון נוסף',
  close: 'סגירה',
  dialogTitle: 'אימות זהות',
  testMode: 'מצב בדיקה',
  requires_input: 'ממתינים להתחלה',
  in_progress: 'האימות מתבצע',
  processing: 'בודקים את התוצאה…',
  verified: 'הזהות אומתה',
  failed: 'האימות נכשל',
  canceled: 'האימות בוטל',
  expired: 'תוקף הסשן פג. יש להתחיל מחדש.',
  errorNetwork: 'לא ניתן להתחבר. יש לבדוק את החיבור ולנסות שוב.',
  errorRateLimited: 'יותר מדי ניסיונות. יש להמתין רגע ולנסות שוב.',
  errorPopup: 'חלון האימות נחסם. יש לאפשר חלונות קופצים ולנסות שוב.',
  errorGeneric: 'משהו השתבש. יש לנסות שוב.',
  verifiedButton: 'הזהות אומתה',
  failedButton: 'ניסיון נוסף לאימות',
  canceledButton: 'התחלת האימות מחדש',
  expiredButton: 'התחלת אימות חדש',
  failedHint: 'תאורה טובה ופנים גלויות וברורות עוזרות.',
  flowLoading: 'טוענים את האימות…',
}

export default messages
