import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Språk',
  testModeNote: 'Ingen riktig verifiering sker, och inget resultat räknas.',
  startingBody: 'Förbereder en säker session…',
  idleTitle: 'Börja när du är redo',
  idleBody: 'Du kommer att få titta in i kameran i några sekunder.',
  requiresInputBody: 'Följ stegen nedan. Kameran används bara för den här kontrollen.',
  inProgressBody: 'Låt sidan vara öppen medan du slutför stegen.',
  processingBody: 'Det brukar ta några sekunder. Du kan låta sidan vara öppen.',
  verifiedBody: 'Du kan stänga sidan och gå tillbaka dit du började.',
  failedBody: 'Vi kunde inte bekräfta att det var du. Bra ljus och fri sikt mot ansiktet hjälper.',
  canceledBody: 'Ingenting kontrollerades. Du kan börja om när du vill.',
  expiredBody: 'För din säkerhet varar sessioner bara en kort stund.',
  offlineTitle: 'Du är offline',
  offlineBody: 'Vi fortsätter så snart anslutningen är tillbaka.',
  rateLimitedTitle: 'Vänta en stund',
  rateLimitedBody: '{seconds, plural, one {Försöker igen om # sekund.} other {Försöker igen om # sekunder.}}',
  errorTitle: 'Något gick fel',
  startAgain: 'Börja om',
  cancel: 'Avbryt',
  footer: 'Ditt ansikte kontrolleras av {provider}. Den här sidan ser aldrig dina bilder, bara resultatet.',
}

export default messages
