import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'שפה',
  testModeNote: 'לא מתבצע אימות אמיתי, ואף תוצאה לא נחשבת.',
  startingBody: 'מכינים סשן מאובטח…',
  idleTitle: 'אפשר להתחיל מתי שנוח',
  idleBody: 'יש להביט במצלמה למשך כמה שניות.',
  requiresInputBody: 'יש לבצע את השלבים שלמטה. המצלמה משמשת רק לבדיקה הזו.',
  inProgressBody: 'יש להשאיר את הדף פתוח עד לסיום השלבים.',
  processingBody: 'בדרך כלל זה לוקח כמה שניות. אפשר להשאיר את הדף פתוח.',
  verifiedBody: 'אפשר לסגור את הדף ולחזור לנקודת ההתחלה.',
  failedBody: 'לא הצלחנו לאמת את הזהות. תאורה טובה ופנים גלויות וברורות עוזרות.',
  canceledBody: 'שום דבר לא נבדק. אפשר להתחיל מחדש בכל עת.',
  expiredBody: 'מטעמי אבטחה, סשנים נמשכים זמן קצר.',
  offlineTitle: 'אין חיבור לאינטרנט',
  offlineBody: 'נמשיך ברגע שהחיבור יחזור.',
  rateLimitedTitle: 'רגע אחד, בבקשה',
  rateLimitedBody:
    '{seconds, plural, one {ניסיון נוסף בעוד שנייה אחת.} two {ניסיון נוסף בעוד שתי שניות.} other {ניסיון נוסף בעוד # שניות.}}',
  errorTitle: 'משהו השתבש',
  startAgain: 'התחלה מחדש',
  cancel: 'ביטול',
  footer: 'הפנים שלך נבדקות על ידי {provider}. הדף הזה לעולם לא רואה את התמונות שלך, רק את התוצאה.',
  handoffTakenTitle: 'כבר נפתח במכשיר אחר',
  handoffTakenBody: 'הקישור הזה פועל במכשיר אחד בלבד. כדי להמשיך, יש ליצור קישור חדש במחשב.',
  handoffExpiredTitle: 'תוקף הקישור הזה פג',
  handoffExpiredBody: 'קישורים פועלים לכמה דקות. יש ליצור קישור חדש במחשב.',
  handoffInvalidTitle: 'הקישור הזה לא פועל',
  handoffInvalidBody: 'ייתכן שהוא חלקי, או שקישור חדש יותר החליף אותו. יש ליצור קישור חדש במחשב.',
  handoffEndedTitle: 'האימות הזה הסתיים',
  handoffEndedBody: 'אפשר לחזור למחשב כדי לראות את התוצאה או להתחיל מחדש.',
  phoneDoneBody: 'אפשר לחזור עכשיו למחשב: גם הוא מציג את התוצאה.',
  phoneRetryBody: 'אפשר לחזור למחשב כדי לנסות שוב.',
  phoneNoCameraBody: 'גם במכשיר הזה אין מצלמה שאפשר להשתמש בה. יש לפתוח את הקישור בטלפון אחר.',
}

export default messages
