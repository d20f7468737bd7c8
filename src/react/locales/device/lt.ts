import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Tęsti telefone',
  noCamera: 'Šiame įrenginyje kameros nerasta.',
  cameraDenied: 'Kamera šioje svetainėje užblokuota.',
  deniedChromium: 'Pasirinkite piktogramą kairėje adreso juostos pusėje, leiskite naudoti kamerą ir bandykite dar kartą.',
  deniedFirefox: 'Pasirinkite perbrauktą kameros piktogramą adreso juostoje, pašalinkite blokavimą ir bandykite dar kartą.',
  deniedSafari: 'Pasirinkite Safari › Šios svetainės nustatymai, leiskite naudoti kamerą ir bandykite dar kartą.',
  deniedIos: 'Adreso juostoje bakstelėkite aA, pasirinkite Svetainės nustatymai, leiskite naudoti kamerą ir bandykite dar kartą.',
  deniedOther: 'Naršyklės nustatymuose leiskite šiai svetainei naudoti kamerą ir bandykite dar kartą.',
  flowFailed: 'Patikra neįsikėlė.',
  flowFailedHint: 'Ją gali blokuoti naršyklės plėtinys, ugniasienė arba tarpinis serveris.',
  handoffScan:
    'Nuskaitykite šį kodą telefono kamera arba nukopijuokite nuorodą ir atidarykite ją telefone. Ji veikia vieną kartą, kelias minutes.',
  handoffWaiting: 'Laukiama telefono…',
  handoffOpened: 'Atidaryta telefone. Užbaikite ten: šis puslapis atsinaujins pats.',
  handoffExpired: 'Šios nuorodos galiojimas baigėsi.',
  qrLabel: 'QR kodas su nuoroda į telefoną',
  copyLink: 'Kopijuoti nuorodą',
  linkCopied: 'Nuoroda nukopijuota',
  newLink: 'Sukurti naują nuorodą',
  cancel: 'Atšaukti',
}

export default messages
