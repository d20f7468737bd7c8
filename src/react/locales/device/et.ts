import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Jätka telefonis',
  noCamera: 'Selles seadmes kaamerat ei leitud.',
  cameraDenied: 'Kaamera on selle saidi jaoks blokeeritud.',
  deniedChromium: 'Valige aadressiriba vasakul olev ikoon, lubage kaamera ja proovige uuesti.',
  deniedFirefox: 'Valige aadressiribal läbikriipsutatud kaamera ikoon, eemaldage blokeering ja proovige uuesti.',
  deniedSafari: 'Valige Safari › Selle veebisaidi seaded, lubage kaamera ja proovige uuesti.',
  deniedIos: 'Puudutage aadressiribal aA, valige Veebisaidi seaded, lubage kaamera ja proovige uuesti.',
  deniedOther: 'Lubage brauseri seadetes selle saidi jaoks kaamera ja proovige uuesti.',
  flowFailed: 'Kontroll ei laadinud.',
  flowFailedHint: 'Seda võib blokeerida brauserilaiendus, tulemüür või puhverserver.',
  handoffScan: 'Skannige see kood telefoni kaameraga või kopeerige link ja avage see telefonis. See töötab ühe korra, mõne minuti jooksul.',
  handoffWaiting: 'Ootame telefoni…',
  handoffOpened: 'Telefonis avatud. Lõpetage seal: see leht jälgib ise.',
  handoffExpired: 'See link on aegunud.',
  qrLabel: 'QR-kood telefoni lingiga',
  copyLink: 'Kopeeri link',
  linkCopied: 'Link kopeeritud',
  newLink: 'Loo uus link',
  cancel: 'Tühista',
}

export default messages
