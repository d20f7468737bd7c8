import type { Messages } from './en'

const messages: Messages = {
  start: 'Identität bestätigen',
  starting: 'Wird gestartet…',
  retry: 'Erneut versuchen',
  close: 'Schließen',
  dialogTitle: 'Identitätsprüfung',
  testMode: 'Testmodus',
  requires_input: 'Warten auf Ihren Start',
  in_progress: 'Prüfung läuft',
  processing: 'Ergebnis wird geprüft…',
  verified: 'Sie sind verifiziert',
  failed: 'Die Prüfung ist fehlgeschlagen',
  canceled: 'Prüfung abgebrochen',
  expired: 'Die Sitzung ist abgelaufen. Bitte neu beginnen.',
  errorNetwork: 'Der Prüfdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorRateLimited: 'Zu viele Versuche. Bitte warten Sie kurz und versuchen Sie es erneut.',
  errorPopup: 'Ihr Browser hat das Prüffenster blockiert. Erlauben Sie Pop-ups und versuchen Sie es erneut.',
  errorGeneric: 'Bei der Prüfung ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  verifiedButton: 'Identität bestätigt',
  failedButton: 'Prüfung erneut versuchen',
  canceledButton: 'Prüfung neu starten',
  expiredButton: 'Neue Prüfung starten',
  failedHint: 'Gutes Licht und ein gut sichtbares Gesicht helfen.',
  flowLoading: 'Prüfung wird geladen…',
}

export default messages
