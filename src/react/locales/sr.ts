import type { Messages } from './en'

const messages: Messages = {
  start: 'Потврдите свој идентитет',
  starting: 'Покретање…',
  retry: 'Покушај поново',
  close: 'Затвори',
  dialogTitle: 'Провера идентитета',
  testMode: 'Тест режим',
  requires_input: 'Чека се да започнете',
  in_progress: 'Провера је у току',
  processing: 'Проверавамо резултат…',
  verified: 'Провера је успела',
  failed: 'Провера није успела',
  canceled: 'Провера је отказана',
  expired: 'Сесија је истекла. Започните поново.',
  errorNetwork: 'Повезивање није успело. Проверите везу и покушајте поново.',
  errorRateLimited: 'Превише покушаја. Сачекајте тренутак и покушајте поново.',
  errorPopup: 'Прозор за проверу је блокиран. Дозволите искачуће прозоре и покушајте поново.',
  errorGeneric: 'Дошло је до грешке. Покушајте поново.',
  verifiedButton: 'Идентитет потврђен',
  failedButton: 'Поново покушај проверу',
  canceledButton: 'Поново започни проверу',
  expiredButton: 'Започни нову проверу',
  failedHint: 'Помажу добро светло и јасно видљиво лице.',
  flowLoading: 'Учитавање провере…',
}

export default messages
