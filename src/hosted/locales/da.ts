import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Sprog',
  testModeNote: 'Der foregår ingen rigtig bekræftelse, og intet resultat tæller.',
  startingBody: 'Forbereder en sikker session…',
  idleTitle: 'Start, når du er klar',
  idleBody: 'Du bliver bedt om at kigge ind i dit kamera i et par sekunder.',
  requiresInputBody: 'Følg trinene nedenfor. Dit kamera bruges kun til dette tjek.',
  inProgressBody: 'Hold siden åben, mens du gennemfører trinene.',
  processingBody: 'Det tager normalt et par sekunder. Du kan holde siden åben.',
  verifiedBody: 'Du kan lukke siden og vende tilbage til, hvor du startede.',
  failedBody: 'Vi kunne ikke bekræfte, at det var dig. Godt lys og frit udsyn til dit ansigt hjælper.',
  canceledBody: 'Intet blev kontrolleret. Du kan starte forfra, når du er klar.',
  expiredBody: 'Af hensyn til din sikkerhed varer sessioner kun kort tid.',
  offlineTitle: 'Du er offline',
  offlineBody: 'Vi fortsætter, så snart din forbindelse er tilbage.',
  rateLimitedTitle: 'Vent et øjeblik',
  rateLimitedBody: '{seconds, plural, one {Prøver igen om # sekund.} other {Prøver igen om # sekunder.}}',
  errorTitle: 'Noget gik galt',
  startAgain: 'Start forfra',
  cancel: 'Annuller',
  footer: 'Dit ansigt kontrolleres af {provider}. Denne side ser aldrig dine billeder, kun resultatet.',
}

export default messages
