import type { Messages } from './en'

const messages: Messages = {
  start: 'Confirmați-vă identitatea',
  starting: 'Se pornește…',
  retry: 'Încercați din nou',
  close: 'Închideți',
  dialogTitle: 'Verificarea identității',
  testMode: 'Mod de testare',
  requires_input: 'Se așteaptă să începeți',
  in_progress: 'Verificare în curs',
  processing: 'Verificăm rezultatul…',
  verified: 'Identitatea a fost verificată',
  failed: 'Verificarea a eșuat',
  canceled: 'Verificarea a fost anulată',
  expired: 'Sesiunea a expirat. Începeți din nou.',
  errorNetwork: 'Nu s-a putut realiza conexiunea. Verificați conexiunea și încercați din nou.',
  errorRateLimited: 'Prea multe încercări. Așteptați puțin și încercați din nou.',
  errorPopup: 'Fereastra de verificare a fost blocată. Permiteți ferestrele pop-up și încercați din nou.',
  errorGeneric: 'A apărut o problemă. Încercați din nou.',
  verifiedButton: 'Identitate verificată',
  failedButton: 'Reîncercați verificarea',
  canceledButton: 'Reluați verificarea',
  expiredButton: 'Începeți o verificare nouă',
  failedHint: 'Lumina bună și o imagine clară a feței ajută.',
  flowLoading: 'Se încarcă verificarea…',
}

export default messages
