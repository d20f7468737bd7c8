import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Continuați pe telefon',
  noCamera: 'Nu a fost găsită nicio cameră pe acest dispozitiv.',
  cameraDenied: 'Camera este blocată pentru acest site.',
  deniedChromium: 'Selectați pictograma din stânga barei de adrese, permiteți camera, apoi încercați din nou.',
  deniedFirefox: 'Selectați pictograma camerei tăiate din bara de adrese, eliminați blocarea, apoi încercați din nou.',
  deniedSafari: 'Alegeți Safari › Setări pentru acest site, permiteți camera, apoi încercați din nou.',
  deniedIos: 'Atingeți aA în bara de adrese, alegeți Setări site web, permiteți camera, apoi încercați din nou.',
  deniedOther: 'Permiteți camera pentru acest site în setările browserului, apoi încercați din nou.',
  flowFailed: 'Verificarea nu s-a încărcat.',
  flowFailedHint: 'O extensie de browser, un firewall sau un proxy o poate bloca.',
  handoffScan:
    'Scanați acest cod cu camera telefonului sau copiați linkul și deschideți-l pe telefon. Funcționează o singură dată, timp de câteva minute.',
  handoffWaiting: 'Se așteaptă telefonul…',
  handoffOpened: 'Deschis pe telefon. Finalizați acolo: această pagină urmărește singură.',
  handoffExpired: 'Acest link a expirat.',
  qrLabel: 'Cod QR cu linkul pentru telefon',
  copyLink: 'Copiați linkul',
  linkCopied: 'Link copiat',
  newLink: 'Creați un link nou',
  cancel: 'Anulați',
}

export default messages
