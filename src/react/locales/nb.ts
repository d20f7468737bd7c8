import type { Messages } from './en'

const messages: Messages = {
  start: 'Bekreft identiteten din',
  starting: 'Starter…',
  retry: 'Prøv igjen',
  close: 'Lukk',
  dialogTitle: 'Identitetsbekreftelse',
  testMode: 'Testmodus',
  requires_input: 'Venter på at du skal begynne',
  in_progress: 'Bekreftelse pågår',
  processing: 'Resultatet ditt kontrolleres…',
  verified: 'Du er bekreftet',
  failed: 'Bekreftelsen mislyktes',
  canceled: 'Bekreftelsen ble avbrutt',
  expired: 'Økten er utløpt. Start på nytt.',
  errorNetwork: 'Kunne ikke koble til. Sjekk tilkoblingen og prøv igjen.',
  errorRateLimited: 'For mange forsøk. Vent litt og prøv igjen.',
  errorPopup: 'Bekreftelsesvinduet ble blokkert. Tillat popup-vinduer og prøv igjen.',
  errorGeneric: 'Noe gikk galt. Prøv igjen.',
  verifiedButton: 'Identitet bekreftet',
  failedButton: 'Prøv bekreftelsen igjen',
  canceledButton: 'Start bekreftelsen på nytt',
  expiredButton: 'Start en ny bekreftelse',
  failedHint: 'Godt lys og fri sikt til ansiktet ditt hjelper.',
  flowLoading: 'Laster inn bekreftelsen…',
}

export default messages
