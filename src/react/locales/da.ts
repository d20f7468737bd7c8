import type { Messages } from './en'

const messages: Messages = {
  start: 'Bekræft din identitet',
  starting: 'Starter…',
  retry: 'Prøv igen',
  close: 'Luk',
  dialogTitle: 'Identitetsbekræftelse',
  testMode: 'Testtilstand',
  requires_input: 'Venter på, at du begynder',
  in_progress: 'Bekræftelse i gang',
  processing: 'Dit resultat kontrolleres…',
  verified: 'Du er bekræftet',
  failed: 'Bekræftelsen mislykkedes',
  canceled: 'Bekræftelsen blev annulleret',
  expired: 'Sessionen er udløbet. Start forfra.',
  errorNetwork: 'Der kunne ikke oprettes forbindelse. Tjek din forbindelse, og prøv igen.',
  errorRateLimited: 'For mange forsøg. Vent et øjeblik, og prøv igen.',
  errorPopup: 'Bekræftelsesvinduet blev blokeret. Tillad pop op-vinduer, og prøv igen.',
  errorGeneric: 'Noget gik galt. Prøv igen.',
  verifiedButton: 'Identitet bekræftet',
  failedButton: 'Prøv bekræftelsen igen',
  canceledButton: 'Start bekræftelsen forfra',
  expiredButton: 'Start en ny bekræftelse',
  failedHint: 'Godt lys og frit udsyn til dit ansigt hjælper.',
  flowLoading: 'Indlæser bekræftelsen…',
}

export default messages
