import type { Messages } from './en'

const messages: Messages = {
  start: 'Potrdite svojo identiteto',
  starting: 'Zaganjanje…',
  retry: 'Poskusi znova',
  close: 'Zapri',
  dialogTitle: 'Preverjanje identitete',
  testMode: 'Preizkusni način',
  requires_input: 'Čakamo, da začnete',
  in_progress: 'Preverjanje poteka',
  processing: 'Preverjamo rezultat…',
  verified: 'Preverjanje je uspelo',
  failed: 'Preverjanje ni uspelo',
  canceled: 'Preverjanje je preklicano',
  expired: 'Seja je potekla. Začnite znova.',
  errorNetwork: 'Povezave ni bilo mogoče vzpostaviti. Preverite povezavo in poskusite znova.',
  errorRateLimited: 'Preveč poskusov. Počakajte trenutek in poskusite znova.',
  errorPopup: 'Okno za preverjanje je bilo blokirano. Dovolite pojavna okna in poskusite znova.',
  errorGeneric: 'Prišlo je do napake. Poskusite znova.',
  verifiedButton: 'Identiteta potrjena',
  failedButton: 'Znova poskusi preverjanje',
  canceledButton: 'Znova začni preverjanje',
  expiredButton: 'Začni novo preverjanje',
  failedHint: 'Pomagata dobra svetloba in jasen pogled na obraz.',
  flowLoading: 'Nalaganje preverjanja…',
}

export default messages
