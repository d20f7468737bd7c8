import type { Messages } from './en'

const messages: Messages = {
  start: 'Patvirtinkite savo tapatybę',
  starting: 'Paleidžiama…',
  retry: 'Bandyti dar kartą',
  close: 'Uždaryti',
  dialogTitle: 'Tapatybės patvirtinimas',
  testMode: 'Bandomasis režimas',
  requires_input: 'Laukiama, kol pradėsite',
  in_progress: 'Vyksta patvirtinimas',
  processing: 'Tikriname rezultatą…',
  verified: 'Tapatybė patvirtinta',
  failed: 'Patvirtinti nepavyko',
  canceled: 'Patvirtinimas atšauktas',
  expired: 'Seansas baigėsi. Pradėkite iš naujo.',
  errorNetwork: 'Nepavyko prisijungti. Patikrinkite ryšį ir bandykite dar kartą.',
  errorRateLimited: 'Per daug bandymų. Šiek tiek palaukite ir bandykite dar kartą.',
  errorPopup: 'Patvirtinimo langas buvo užblokuotas. Leiskite iššokančiuosius langus ir bandykite dar kartą.',
  errorGeneric: 'Kažkas nepavyko. Bandykite dar kartą.',
  verifiedButton: 'Tapatybė patvirtinta',
  failedButton: 'Bandyti patvirtinti dar kartą',
  canceledButton: 'Pradėti patvirtinimą iš naujo',
  expiredButton: 'Pradėti naują patvirtinimą',
  failedHint: 'Padeda geras apšvietimas ir aiškiai matomas veidas.',
  flowLoading: 'Įkeliamas patvirtinimas…',
}

export default messages
