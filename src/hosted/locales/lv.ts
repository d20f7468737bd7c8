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
  handoffTakenTitle: 'Jau atvērts citā ierīcē',
  handoffTakenBody: 'Šī saite darbojas tikai vienā ierīcē. Lai turpinātu, izveidojiet jaunu saiti datorā.',
  handoffExpiredTitle: 'Šīs saites derīgums ir beidzies',
  handoffExpiredBody: 'Saites darbojas dažas minūtes. Izveidojiet jaunu datorā.',
  handoffInvalidTitle: 'Šī saite nedarbojas',
  handoffInvalidBody: 'Tā var būt nepilnīga, vai to ir aizstājusi jaunāka saite. Izveidojiet jaunu datorā.',
  handoffEndedTitle: 'Šī pārbaude ir beigusies',
  handoffEndedBody: 'Atgriezieties pie datora, lai redzētu rezultātu vai sāktu no jauna.',
  phoneDoneBody: 'Tagad varat atgriezties pie datora: arī tajā ir redzams rezultāts.',
  phoneRetryBody: 'Atgriezieties pie datora, lai mēģinātu vēlreiz.',
  phoneNoCameraBody: 'Arī šajā ierīcē nav kameras, ko varam izmantot. Atveriet saiti citā tālrunī.',
}

export default messages
