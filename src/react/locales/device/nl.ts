import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Doorgaan op je telefoon',
  noCamera: 'Er is geen camera gevonden op dit apparaat.',
  cameraDenied: 'De camera is geblokkeerd voor deze site.',
  deniedChromium: 'Selecteer het pictogram links in de adresbalk, sta de camera toe en probeer het opnieuw.',
  deniedFirefox: 'Selecteer het doorgestreepte camerapictogram in de adresbalk, hef de blokkering op en probeer het opnieuw.',
  deniedSafari: 'Kies Safari › Instellingen voor deze website, sta de camera toe en probeer het opnieuw.',
  deniedIos: 'Tik op aA in de adresbalk, kies Website-instellingen, sta de camera toe en probeer het opnieuw.',
  deniedOther: 'Sta de camera voor deze site toe in de instellingen van je browser en probeer het opnieuw.',
  flowFailed: 'De verificatie is niet geladen.',
  flowFailedHint: 'Mogelijk blokkeert een browserextensie, een firewall of een proxy haar.',
  handoffScan:
    'Scan deze code met de camera van je telefoon, of kopieer de link en open hem op je telefoon. Hij werkt één keer, een paar minuten lang.',
  handoffWaiting: 'Wachten op je telefoon…',
  handoffOpened: 'Geopend op je telefoon. Rond het daar af: deze pagina volgt vanzelf.',
  handoffExpired: 'Deze link is verlopen.',
  qrLabel: 'QR-code met de link voor je telefoon',
  copyLink: 'Link kopiëren',
  linkCopied: 'Link gekopieerd',
  newLink: 'Nieuwe link maken',
  cancel: 'Annuleren',
}

export default messages
