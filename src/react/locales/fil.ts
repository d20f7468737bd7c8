import type { Messages } from './en'

const messages: Messages = {
  start: 'I-verify ang iyong pagkakakilanlan',
  starting: 'Sinisimulan…',
  retry: 'Subukang muli',
  close: 'Isara',
  dialogTitle: 'Pag-verify ng pagkakakilanlan',
  testMode: 'Mode ng pagsubok',
  requires_input: 'Hinihintay kang magsimula',
  in_progress: 'Isinasagawa ang pag-verify',
  processing: 'Sinusuri ang iyong resulta…',
  verified: 'Na-verify ka na',
  failed: 'Hindi nagtagumpay ang pag-verify',
  canceled: 'Kinansela ang pag-verify',
  expired: 'Nag-expire na ang session. Pakisimulan ulit.',
  errorNetwork: 'Hindi makakonekta. Suriin ang iyong koneksyon at subukang muli.',
  errorRateLimited: 'Masyadong maraming pagsubok. Maghintay sandali at subukang muli.',
  errorPopup: 'Na-block ang window ng pag-verify. Payagan ang mga pop-up at subukang muli.',
  errorGeneric: 'Nagkaproblema. Pakisubukang muli.',
  verifiedButton: 'Na-verify ang pagkakakilanlan',
  failedButton: 'Subukang muli ang pag-verify',
  canceledButton: 'Simulan ulit ang pag-verify',
  expiredButton: 'Magsimula ng bagong pag-verify',
  failedHint: 'Nakatutulong ang maliwanag na ilaw at malinaw na kita ang mukha.',
  flowLoading: 'Nilo-load ang pag-verify…',
}

export default messages
