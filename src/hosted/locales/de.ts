import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Sprache',
  testModeNote: 'Es findet keine echte Prüfung statt, und kein Ergebnis zählt.',
  startingBody: 'Eine sichere Sitzung wird vorbereitet…',
  idleTitle: 'Bereit, wenn Sie es sind',
  idleBody: 'Sie werden gebeten, einige Sekunden in Ihre Kamera zu schauen.',
  requiresInputBody: 'Folgen Sie den Schritten unten. Ihre Kamera wird nur für diese Prüfung verwendet.',
  inProgressBody: 'Lassen Sie diese Seite geöffnet, bis Sie die Schritte abgeschlossen haben.',
  processingBody: 'Das dauert meist nur wenige Sekunden. Sie können diese Seite geöffnet lassen.',
  verifiedBody: 'Sie können diese Seite schließen und dorthin zurückkehren, wo Sie begonnen haben.',
  failedBody: 'Wir konnten nicht bestätigen, dass Sie es sind. Gutes Licht und ein freier Blick auf Ihr Gesicht helfen.',
  canceledBody: 'Es wurde nichts geprüft. Sie können jederzeit neu beginnen.',
  expiredBody: 'Zu Ihrer Sicherheit sind Sitzungen nur kurz gültig.',
  offlineTitle: 'Sie sind offline',
  offlineBody: 'Wir machen weiter, sobald Ihre Verbindung wieder da ist.',
  rateLimitedTitle: 'Bitte warten Sie einen Moment',
  rateLimitedBody: '{seconds, plural, one {Neuer Versuch in # Sekunde.} other {Neuer Versuch in # Sekunden.}}',
  errorTitle: 'Etwas ist schiefgelaufen',
  startAgain: 'Neu beginnen',
  cancel: 'Abbrechen',
  footer: 'Ihr Gesicht wird von {provider} geprüft. Diese Seite sieht nie Ihre Bilder, nur das Ergebnis.',
  handoffTakenTitle: 'Bereits auf einem anderen Gerät geöffnet',
  handoffTakenBody: 'Dieser Link funktioniert nur auf einem Gerät. Erstellen Sie auf Ihrem Computer einen neuen Link, um fortzufahren.',
  handoffExpiredTitle: 'Dieser Link ist abgelaufen',
  handoffExpiredBody: 'Links gelten nur wenige Minuten. Erstellen Sie auf Ihrem Computer einen neuen.',
  handoffInvalidTitle: 'Dieser Link funktioniert nicht',
  handoffInvalidBody:
    'Er ist vielleicht unvollständig, oder ein neuerer Link hat ihn ersetzt. Erstellen Sie auf Ihrem Computer einen neuen.',
  handoffEndedTitle: 'Diese Prüfung ist beendet',
  handoffEndedBody: 'Kehren Sie zu Ihrem Computer zurück, um das Ergebnis zu sehen oder neu zu beginnen.',
  phoneDoneBody: 'Sie können jetzt zu Ihrem Computer zurückkehren: Er zeigt das Ergebnis ebenfalls.',
  phoneRetryBody: 'Kehren Sie zu Ihrem Computer zurück, um es erneut zu versuchen.',
  phoneNoCameraBody: 'Auch dieses Gerät hat keine nutzbare Kamera. Öffnen Sie den Link auf einem anderen Smartphone.',
}

export default messages
