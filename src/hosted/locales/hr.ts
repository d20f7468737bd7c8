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
  handoffTakenTitle: 'Već otvoreno na drugom uređaju',
  handoffTakenBody: 'Ova poveznica radi samo na jednom uređaju. Za nastavak izradite novu poveznicu na računalu.',
  handoffExpiredTitle: 'Ova je poveznica istekla',
  handoffExpiredBody: 'Poveznice rade nekoliko minuta. Izradite novu na računalu.',
  handoffInvalidTitle: 'Ova poveznica ne radi',
  handoffInvalidBody: 'Možda je nepotpuna ili ju je zamijenila novija poveznica. Izradite novu na računalu.',
  handoffEndedTitle: 'Ova je provjera završena',
  handoffEndedBody: 'Vratite se na računalo da biste vidjeli rezultat ili počeli ispočetka.',
  phoneDoneBody: 'Sada se možete vratiti na računalo: i ono prikazuje rezultat.',
  phoneRetryBody: 'Vratite se na računalo i pokušajte ponovno.',
  phoneNoCameraBody: 'Ni ovaj uređaj nema kameru koju možemo koristiti. Otvorite poveznicu na drugom mobitelu.',
}

export default messages
