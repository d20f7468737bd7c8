import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Keel',
  testModeNote: 'Päris tuvastamist ei toimu ja ükski tulemus ei loe.',
  startingBody: 'Valmistame ette turvalist seanssi…',
  idleTitle: 'Alustage, kui olete valmis',
  idleBody: 'Teil palutakse mõni sekund kaamerasse vaadata.',
  requiresInputBody: 'Järgige allolevaid samme. Kaamerat kasutatakse ainult selleks kontrolliks.',
  inProgressBody: 'Hoidke see leht avatuna, kuni sammud on tehtud.',
  processingBody: 'Tavaliselt võtab see mõne sekundi. Võite lehe avatuks jätta.',
  verifiedBody: 'Võite selle lehe sulgeda ja naasta sinna, kust alustasite.',
  failedBody: 'Me ei saanud kinnitada, et see olete teie. Aitab hea valgus ja selgelt nähtav nägu.',
  canceledBody: 'Midagi ei kontrollitud. Võite alustada uuesti, millal soovite.',
  expiredBody: 'Teie turvalisuse huvides kestavad seansid lühikest aega.',
  offlineTitle: 'Teil pole internetiühendust',
  offlineBody: 'Jätkame kohe, kui ühendus taastub.',
  rateLimitedTitle: 'Palun oodake veidi',
  rateLimitedBody: '{seconds, plural, one {Uus katse # sekundi pärast.} other {Uus katse # sekundi pärast.}}',
  errorTitle: 'Midagi läks valesti',
  startAgain: 'Alusta uuesti',
  cancel: 'Tühista',
  footer: 'Teie nägu kontrollib {provider}. See leht ei näe kunagi teie pilte, ainult tulemust.',
}

export default messages
