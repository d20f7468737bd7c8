import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Jezik',
  testModeNote: 'Ne provodi se prava provjera i nijedan rezultat se ne računa.',
  startingBody: 'Pripremamo sigurnu sesiju…',
  idleTitle: 'Započnite kad budete spremni',
  idleBody: 'Nekoliko sekundi gledat ćete u kameru.',
  requiresInputBody: 'Slijedite korake u nastavku. Kamera se koristi samo za ovu provjeru.',
  inProgressBody: 'Ostavite ovu stranicu otvorenom dok ne završite korake.',
  processingBody: 'To obično traje nekoliko sekundi. Stranicu možete ostaviti otvorenom.',
  verifiedBody: 'Ovu stranicu možete zatvoriti i vratiti se tamo gdje ste počeli.',
  failedBody: 'Nismo mogli potvrditi da ste to vi. Pomažu dobro svjetlo i jasno vidljivo lice.',
  canceledBody: 'Ništa nije provjereno. Možete ponovno započeti kad god želite.',
  expiredBody: 'Radi vaše sigurnosti sesije traju kratko.',
  offlineTitle: 'Niste povezani',
  offlineBody: 'Nastavit ćemo čim se veza vrati.',
  rateLimitedTitle: 'Pričekajte trenutak',
  rateLimitedBody:
    '{seconds, plural, one {Novi pokušaj za # sekundu.} few {Novi pokušaj za # sekunde.} other {Novi pokušaj za # sekundi.}}',
  errorTitle: 'Nešto je pošlo po zlu',
  startAgain: 'Započni ponovno',
  cancel: 'Odustani',
  footer: 'Vaše lice provjerava {provider}. Ova stranica nikada ne vidi vaše slike, samo rezultat.',
}

export default messages
