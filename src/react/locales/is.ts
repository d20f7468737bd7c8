import type { Messages } from './en'

const messages: Messages = {
  start: 'Staðfestu hver þú ert',
  starting: 'Ræsir…',
  retry: 'Reyna aftur',
  close: 'Loka',
  dialogTitle: 'Auðkenning',
  testMode: 'Prófunarhamur',
  requires_input: 'Bíður eftir að þú byrjir',
  in_progress: 'Auðkenning stendur yfir',
  processing: 'Verið er að yfirfara niðurstöðuna…',
  verified: 'Auðkenning tókst',
  failed: 'Auðkenning mistókst',
  canceled: 'Hætt var við auðkenningu',
  expired: 'Lotan rann út. Byrjaðu aftur.',
  errorNetwork: 'Ekki náðist tenging. Athugaðu nettenginguna og reyndu aftur.',
  errorRateLimited: 'Of margar tilraunir. Bíddu aðeins og reyndu aftur.',
  errorPopup: 'Auðkenningarglugginn var útilokaður. Leyfðu sprettiglugga og reyndu aftur.',
  errorGeneric: 'Eitthvað fór úrskeiðis. Reyndu aftur.',
  verifiedButton: 'Auðkenning staðfest',
  failedButton: 'Reyna auðkenningu aftur',
  canceledButton: 'Hefja auðkenningu aftur',
  expiredButton: 'Hefja nýja auðkenningu',
  failedHint: 'Góð lýsing og skýr sýn á andlitið hjálpa.',
  flowLoading: 'Hleð auðkenningu…',
}

export default messages
