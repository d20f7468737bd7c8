import type { Messages } from './en'

const messages: Messages = {
  start: 'Apstipriniet savu identitāti',
  starting: 'Notiek palaišana…',
  retry: 'Mēģināt vēlreiz',
  close: 'Aizvērt',
  dialogTitle: 'Identitātes pārbaude',
  testMode: 'Testa režīms',
  requires_input: 'Gaidām, kad sāksiet',
  in_progress: 'Notiek pārbaude',
  processing: 'Pārbaudām rezultātu…',
  verified: 'Identitāte apstiprināta',
  failed: 'Pārbaude neizdevās',
  canceled: 'Pārbaude atcelta',
  expired: 'Sesija ir beigusies. Sāciet no jauna.',
  errorNetwork: 'Neizdevās izveidot savienojumu. Pārbaudiet savienojumu un mēģiniet vēlreiz.',
  errorRateLimited: 'Pārāk daudz mēģinājumu. Mazliet uzgaidiet un mēģiniet vēlreiz.',
  errorPopup: 'Pārbaudes logs tika bloķēts. Atļaujiet uznirstošos logus un mēģiniet vēlreiz.',
  errorGeneric: 'Radās kļūda. Mēģiniet vēlreiz.',
  verifiedButton: 'Identitāte apstiprināta',
  failedButton: 'Mēģināt pārbaudi vēlreiz',
  canceledButton: 'Sākt pārbaudi no jauna',
  expiredButton: 'Sākt jaunu pārbaudi',
  failedHint: 'Palīdz labs apgaismojums un labi redzama seja.',
  flowLoading: 'Ielādē pārbaudi…',
}

export default messages
