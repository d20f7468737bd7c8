import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Språk',
  testModeNote: 'Ingen ekte bekreftelse skjer, og ingen resultater teller.',
  startingBody: 'Klargjør en sikker økt…',
  idleTitle: 'Start når du er klar',
  idleBody: 'Du blir bedt om å se inn i kameraet i noen sekunder.',
  requiresInputBody: 'Følg trinnene nedenfor. Kameraet brukes bare til denne kontrollen.',
  inProgressBody: 'Hold denne siden åpen mens du fullfører trinnene.',
  processingBody: 'Dette tar vanligvis noen sekunder. Du kan holde siden åpen.',
  verifiedBody: 'Du kan lukke denne siden og gå tilbake dit du startet.',
  failedBody: 'Vi kunne ikke bekrefte at det var deg. Godt lys og fri sikt til ansiktet ditt hjelper.',
  canceledBody: 'Ingenting ble kontrollert. Du kan starte på nytt når du er klar.',
  expiredBody: 'Av hensyn til sikkerheten din varer økter bare en kort stund.',
  offlineTitle: 'Du er frakoblet',
  offlineBody: 'Vi fortsetter så snart tilkoblingen er tilbake.',
  rateLimitedTitle: 'Vent litt',
  rateLimitedBody: '{seconds, plural, one {Prøver igjen om # sekund.} other {Prøver igjen om # sekunder.}}',
  errorTitle: 'Noe gikk galt',
  startAgain: 'Start på nytt',
  cancel: 'Avbryt',
  footer: 'Ansiktet ditt kontrolleres av {provider}. Denne siden ser aldri bildene dine, bare resultatet.',
}

export default messages
