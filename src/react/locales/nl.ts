import type { Messages } from './en'

const messages: Messages = {
  start: 'Verifieer je identiteit',
  starting: 'Bezig met starten…',
  retry: 'Opnieuw proberen',
  close: 'Sluiten',
  dialogTitle: 'Identiteitsverificatie',
  testMode: 'Testmodus',
  requires_input: 'Wacht tot je begint',
  in_progress: 'Verificatie bezig',
  processing: 'Je resultaat wordt gecontroleerd…',
  verified: 'Je bent geverifieerd',
  failed: 'Verificatie mislukt',
  canceled: 'Verificatie geannuleerd',
  expired: 'De sessie is verlopen. Begin opnieuw.',
  errorNetwork: 'Geen verbinding. Controleer je verbinding en probeer het opnieuw.',
  errorRateLimited: 'Te veel pogingen. Wacht even en probeer het opnieuw.',
  errorPopup: 'Het verificatievenster is geblokkeerd. Sta pop-ups toe en probeer het opnieuw.',
  errorGeneric: 'Er is iets misgegaan. Probeer het opnieuw.',
  verifiedButton: 'Identiteit geverifieerd',
  failedButton: 'Verificatie opnieuw proberen',
  canceledButton: 'Verificatie opnieuw starten',
  expiredButton: 'Nieuwe verificatie starten',
  failedHint: 'Goed licht en een duidelijk zicht op je gezicht helpen.',
  flowLoading: 'Verificatie laden…',
}

export default messages
