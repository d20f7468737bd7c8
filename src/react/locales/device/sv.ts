import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Fortsätt på telefonen',
  noCamera: 'Ingen kamera hittades på den här enheten.',
  cameraDenied: 'Kameran är blockerad för den här webbplatsen.',
  deniedChromium: 'Välj ikonen till vänster om adressfältet, tillåt kameran och försök igen.',
  deniedFirefox: 'Välj den överstrukna kameraikonen i adressfältet, ta bort blockeringen och försök igen.',
  deniedSafari: 'Välj Safari › Inställningar för den här webbplatsen, tillåt kameran och försök igen.',
  deniedIos: 'Tryck på aA i adressfältet, välj Webbplatsinställningar, tillåt kameran och försök igen.',
  deniedOther: 'Tillåt kameran för den här webbplatsen i webbläsarens inställningar och försök igen.',
  flowFailed: 'Verifieringen laddades inte.',
  flowFailedHint: 'Ett webbläsartillägg, en brandvägg eller en proxy kan blockera den.',
  handoffScan:
    'Skanna koden med telefonens kamera, eller kopiera länken och öppna den på telefonen. Den fungerar en gång, i några minuter.',
  handoffWaiting: 'Väntar på telefonen…',
  handoffOpened: 'Öppnad på telefonen. Slutför där: den här sidan följer med.',
  handoffExpired: 'Länken har gått ut.',
  qrLabel: 'QR-kod med länken till telefonen',
  copyLink: 'Kopiera länk',
  linkCopied: 'Länken kopierades',
  newLink: 'Skapa en ny länk',
  cancel: 'Avbryt',
}

export default messages
