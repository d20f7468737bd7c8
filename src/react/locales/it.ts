import type { Messages } from './en'

const messages: Messages = {
  start: 'Verifica la tua identità',
  starting: 'Avvio…',
  retry: 'Riprova',
  close: 'Chiudi',
  dialogTitle: 'Verifica dell’identità',
  testMode: 'Modalità di test',
  requires_input: 'In attesa che tu inizi',
  in_progress: 'Verifica in corso',
  processing: 'Controllo del risultato…',
  verified: 'Sei verificato',
  failed: 'Verifica non riuscita',
  canceled: 'Verifica annullata',
  expired: 'La sessione è scaduta. Ricomincia.',
  errorNetwork: 'Impossibile raggiungere il servizio di verifica. Controlla la connessione e riprova.',
  errorRateLimited: 'Troppi tentativi. Attendi un momento e riprova.',
  errorPopup: 'Il browser ha bloccato la finestra di verifica. Consenti i pop-up e riprova.',
  errorGeneric: 'Qualcosa è andato storto con la verifica. Riprova.',
  verifiedButton: 'Identità verificata',
  failedButton: 'Riprova la verifica',
  canceledButton: 'Ricomincia la verifica',
  expiredButton: 'Inizia una nuova verifica',
  failedHint: 'Aiutano una buona luce e il viso ben visibile.',
  flowLoading: 'Caricamento della verifica…',
}

export default messages
