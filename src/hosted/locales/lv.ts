import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Valoda',
  testModeNote: 'Īsta pārbaude nenotiek, un neviens rezultāts netiek ņemts vērā.',
  startingBody: 'Sagatavojam drošu sesiju…',
  idleTitle: 'Sāciet, kad jums ērti',
  idleBody: 'Dažas sekundes būs jāskatās kamerā.',
  requiresInputBody: 'Izpildiet tālāk norādītās darbības. Kamera tiek izmantota tikai šai pārbaudei.',
  inProgressBody: 'Neaizveriet šo lapu, līdz darbības ir pabeigtas.',
  processingBody: 'Parasti tas aizņem dažas sekundes. Lapu varat atstāt atvērtu.',
  verifiedBody: 'Varat aizvērt šo lapu un atgriezties tur, kur sākāt.',
  failedBody: 'Mēs nevarējām apstiprināt, ka tas esat jūs. Palīdz labs apgaismojums un labi redzama seja.',
  canceledBody: 'Nekas netika pārbaudīts. Varat sākt no jauna jebkurā laikā.',
  expiredBody: 'Jūsu drošības labad sesijas ir īsas.',
  offlineTitle: 'Nav interneta savienojuma',
  offlineBody: 'Turpināsim, tiklīdz savienojums atjaunosies.',
  rateLimitedTitle: 'Lūdzu, mazliet uzgaidiet',
  rateLimitedBody:
    '{seconds, plural, zero {Atkārtots mēģinājums pēc # sekundēm.} one {Atkārtots mēģinājums pēc # sekundes.} other {Atkārtots mēģinājums pēc # sekundēm.}}',
  errorTitle: 'Radās kļūda',
  startAgain: 'Sākt no jauna',
  cancel: 'Atcelt',
  footer: 'Jūsu seju pārbauda {provider}. Šī lapa nekad neredz jūsu attēlus, tikai rezultātu.',
}

export default messages
