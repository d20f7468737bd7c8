import type { Messages } from './en'

const messages: Messages = {
  start: 'Подтвердите личность',
  starting: 'Запуск…',
  retry: 'Повторить',
  close: 'Закрыть',
  dialogTitle: 'Проверка личности',
  testMode: 'Тестовый режим',
  requires_input: 'Ждём, когда вы начнёте',
  in_progress: 'Идёт проверка',
  processing: 'Проверяем результат…',
  verified: 'Личность подтверждена',
  failed: 'Проверка не пройдена',
  canceled: 'Проверка отменена',
  expired: 'Срок сеанса истёк. Начните заново.',
  errorNetwork: 'Не удалось подключиться. Проверьте соединение и повторите попытку.',
  errorRateLimited: 'Слишком много попыток. Подождите немного и повторите попытку.',
  errorPopup: 'Окно проверки заблокировано. Разрешите всплывающие окна и повторите попытку.',
  errorGeneric: 'Что-то пошло не так. Повторите попытку.',
  verifiedButton: 'Личность подтверждена',
  failedButton: 'Пройти проверку ещё раз',
  canceledButton: 'Начать проверку заново',
  expiredButton: 'Начать новую проверку',
  failedHint: 'Помогут хорошее освещение и хорошо видимое лицо.',
  flowLoading: 'Загрузка проверки…',
}

export default messages
