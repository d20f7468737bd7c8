import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Nadaljujte v telefonu',
  noCamera: 'V tej napravi ni bilo mogoče najti kamere.',
  cameraDenied: 'Kamera je za to spletno mesto blokirana.',
  deniedChromium: 'Izberite ikono levo od naslovne vrstice, dovolite kamero in poskusite znova.',
  deniedFirefox: 'Izberite prečrtano ikono kamere v naslovni vrstici, odstranite blokado in poskusite znova.',
  deniedSafari: 'Izberite Safari › Nastavitve za to spletno mesto, dovolite kamero in poskusite znova.',
  deniedIos: 'Tapnite aA v naslovni vrstici, izberite Nastavitve spletnega mesta, dovolite kamero in poskusite znova.',
  deniedOther: 'V nastavitvah brskalnika dovolite kamero za to spletno mesto in poskusite znova.',
  flowFailed: 'Preverjanje se ni naložilo.',
  flowFailedHint: 'Morda ga blokira razširitev brskalnika, požarni zid ali posredniški strežnik.',
  handoffScan: 'To kodo skenirajte s kamero telefona ali kopirajte povezavo in jo odprite v telefonu. Deluje enkrat, nekaj minut.',
  handoffWaiting: 'Čakanje na telefon …',
  handoffOpened: 'Odprto v telefonu. Dokončajte tam: ta stran sproti sledi.',
  handoffExpired: 'Ta povezava je potekla.',
  qrLabel: 'Koda QR s povezavo za telefon',
  copyLink: 'Kopiraj povezavo',
  linkCopied: 'Povezava kopirana',
  newLink: 'Ustvari novo povezavo',
  cancel: 'Prekliči',
}

export default messages
