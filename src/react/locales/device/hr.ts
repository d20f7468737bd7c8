import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Nastavite na mobitelu',
  noCamera: 'Na ovom uređaju nije pronađena kamera.',
  cameraDenied: 'Kamera je blokirana za ovu web-stranicu.',
  deniedChromium: 'Odaberite ikonu lijevo od adresne trake, dopustite kameru i pokušajte ponovno.',
  deniedFirefox: 'Odaberite prekriženu ikonu kamere u adresnoj traci, uklonite blokadu i pokušajte ponovno.',
  deniedSafari: 'Odaberite Safari › Postavke za ovu web-stranicu, dopustite kameru i pokušajte ponovno.',
  deniedIos: 'Dodirnite aA u adresnoj traci, odaberite Postavke web-stranice, dopustite kameru i pokušajte ponovno.',
  deniedOther: 'Dopustite kameru za ovu web-stranicu u postavkama preglednika i pokušajte ponovno.',
  flowFailed: 'Provjera se nije učitala.',
  flowFailedHint: 'Možda je blokira proširenje preglednika, vatrozid ili proxy.',
  handoffScan: 'Skenirajte ovaj kod kamerom mobitela ili kopirajte poveznicu i otvorite je na mobitelu. Radi jednom, nekoliko minuta.',
  handoffWaiting: 'Čeka se mobitel…',
  handoffOpened: 'Otvoreno na mobitelu. Dovršite tamo: ova stranica sama prati tijek.',
  handoffExpired: 'Ova je poveznica istekla.',
  qrLabel: 'QR kod s poveznicom za mobitel',
  copyLink: 'Kopiraj poveznicu',
  linkCopied: 'Poveznica je kopirana',
  newLink: 'Izradi novu poveznicu',
  cancel: 'Odustani',
}

export default messages
