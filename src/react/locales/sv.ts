import type { Messages } from './en'

const messages: Messages = {
  start: 'Verifiera din identitet',
  starting: 'Startar…',
  retry: 'Försök igen',
  close: 'Stäng',
  dialogTitle: 'Identitetsverifiering',
  testMode: 'Testläge',
  requires_input: 'Väntar på att du ska börja',
  in_progress: 'Verifiering pågår',
  processing: 'Ditt resultat kontrolleras…',
  verified: 'Du är verifierad',
  failed: 'Verifieringen misslyckades',
  canceled: 'Verifieringen avbröts',
  expired: 'Sessionen har gått ut. Börja om.',
  errorNetwork: 'Det gick inte att ansluta. Kontrollera anslutningen och försök igen.',
  errorRateLimited: 'För många försök. Vänta en stund och försök igen.',
  errorPopup: 'Verifieringsfönstret blockerades. Tillåt popup-fönster och försök igen.',
  errorGeneric: 'Något gick fel. Försök igen.',
  verifiedButton: 'Identiteten är verifierad',
  failedButton: 'Försök verifiera igen',
  canceledButton: 'Börja om verifieringen',
  expiredButton: 'Starta en ny verifiering',
  failedHint: 'Bra ljus och fri sikt mot ansiktet hjälper.',
  flowLoading: 'Läser in verifieringen…',
}

export default messages
