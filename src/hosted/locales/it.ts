import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Lingua',
  testModeNote: 'Non avviene alcuna verifica reale e nessun risultato conta.',
  startingBody: 'Preparazione di una sessione sicura…',
  idleTitle: 'Quando vuoi',
  idleBody: 'Ti verrà chiesto di guardare la fotocamera per qualche secondo.',
  requiresInputBody: 'Segui i passaggi qui sotto. La fotocamera serve solo per questo controllo.',
  inProgressBody: 'Tieni aperta questa pagina mentre completi i passaggi.',
  processingBody: 'Di solito bastano pochi secondi. Puoi tenere aperta questa pagina.',
  verifiedBody: 'Puoi chiudere questa pagina e tornare da dove hai iniziato.',
  failedBody: 'Non siamo riusciti a confermare che fossi tu. Aiutano una buona luce e il viso ben visibile.',
  canceledBody: 'Non è stato controllato nulla. Puoi ricominciare quando vuoi.',
  expiredBody: 'Per la tua sicurezza, le sessioni durano poco.',
  offlineTitle: 'Sei offline',
  offlineBody: 'Continueremo appena la connessione torna.',
  rateLimitedTitle: 'Attendi un momento',
  rateLimitedBody: '{seconds, plural, one {Nuovo tentativo tra # secondo.} other {Nuovo tentativo tra # secondi.}}',
  errorTitle: 'Qualcosa è andato storto',
  startAgain: 'Ricomincia',
  cancel: 'Annulla',
  footer: 'Il tuo volto viene controllato da {provider}. Questa pagina non vede mai le tue immagini, solo il risultato.',
}

export default messages
