import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Auf dem Smartphone fortfahren',
  noCamera: 'Auf diesem Gerät wurde keine Kamera gefunden.',
  cameraDenied: 'Die Kamera ist für diese Website blockiert.',
  deniedChromium: 'Wählen Sie das Symbol links in der Adressleiste, erlauben Sie die Kamera und versuchen Sie es erneut.',
  deniedFirefox:
    'Wählen Sie das durchgestrichene Kamerasymbol in der Adressleiste, heben Sie die Blockierung auf und versuchen Sie es erneut.',
  deniedSafari: 'Wählen Sie Safari › Einstellungen für diese Website, erlauben Sie die Kamera und versuchen Sie es erneut.',
  deniedIos:
    'Tippen Sie in der Adressleiste auf aA, wählen Sie Website-Einstellungen, erlauben Sie die Kamera und versuchen Sie es erneut.',
  deniedOther: 'Erlauben Sie die Kamera für diese Website in den Einstellungen Ihres Browsers und versuchen Sie es erneut.',
  flowFailed: 'Die Prüfung wurde nicht geladen.',
  flowFailedHint: 'Möglicherweise blockiert sie eine Browsererweiterung, eine Firewall oder ein Proxy.',
  handoffScan:
    'Scannen Sie diesen Code mit der Kamera Ihres Smartphones, oder kopieren Sie den Link und öffnen Sie ihn auf dem Smartphone. Er funktioniert einmal und nur wenige Minuten.',
  handoffWaiting: 'Warten auf Ihr Smartphone…',
  handoffOpened: 'Auf dem Smartphone geöffnet. Schließen Sie dort ab: Diese Seite aktualisiert sich von selbst.',
  handoffExpired: 'Dieser Link ist abgelaufen.',
  qrLabel: 'QR-Code mit dem Link für Ihr Smartphone',
  copyLink: 'Link kopieren',
  linkCopied: 'Link kopiert',
  newLink: 'Neuen Link erstellen',
  cancel: 'Abbrechen',
}

export default messages
