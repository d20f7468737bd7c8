import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Continua sul telefono',
  noCamera: 'Nessuna fotocamera trovata su questo dispositivo.',
  cameraDenied: 'La fotocamera è bloccata per questo sito.',
  deniedChromium: 'Seleziona l’icona a sinistra della barra degli indirizzi, consenti la fotocamera e riprova.',
  deniedFirefox: 'Seleziona l’icona della fotocamera barrata nella barra degli indirizzi, rimuovi il blocco e riprova.',
  deniedSafari: 'Scegli Safari › Impostazioni per questo sito web, consenti la fotocamera e riprova.',
  deniedIos: 'Tocca aA nella barra degli indirizzi, scegli Impostazioni sito web, consenti la fotocamera e riprova.',
  deniedOther: 'Consenti la fotocamera per questo sito nelle impostazioni del browser, poi riprova.',
  flowFailed: 'La verifica non si è caricata.',
  flowFailedHint: 'Potrebbe bloccarla un’estensione del browser, un firewall o un proxy.',
  handoffScan:
    'Inquadra questo codice con la fotocamera del telefono, oppure copia il link e aprilo sul telefono. Funziona una sola volta, per pochi minuti.',
  handoffWaiting: 'In attesa del telefono…',
  handoffOpened: 'Aperto sul telefono. Completa lì: questa pagina si aggiorna da sola.',
  handoffExpired: 'Questo link è scaduto.',
  qrLabel: 'Codice QR con il link per il telefono',
  copyLink: 'Copia link',
  linkCopied: 'Link copiato',
  newLink: 'Crea un nuovo link',
  cancel: 'Annulla',
}

export default messages
