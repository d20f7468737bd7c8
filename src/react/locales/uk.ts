import type { Messages } from './en'

const messages: Messages = {
  start: 'Підтвердіть свою особу',
  starting: 'Запуск…',
  retry: 'Спробувати ще раз',
  close: 'Закрити',
  dialogTitle: 'Перевірка особи',
  testMode: 'Тестовий режим',
  requires_input: 'Чекаємо, поки ви почнете',
  in_progress: 'Триває перевірка',
  processing: 'Перевіряємо результат…',
  verified: 'Особу підтверджено',
  failed: 'Перевірку не пройдено',
  canceled: 'Перевірку скасовано',
  expired: 'Термін дії сеансу минув. Почніть знову.',
  errorNetwork: 'Не вдалося під’єднатися. Перевірте з’єднання й спробуйте ще раз.',
  errorRateLimited: 'Забагато спроб. Зачекайте трохи й спробуйте ще раз.',
  errorPopup: 'Вікно перевірки заблоковано. Дозвольте спливні вікна й спробуйте ще раз.',
  errorGeneric: 'Щось пішло не так. Спробуйте ще раз.',
  verifiedButton: 'Особу підтверджено',
  failedButton: 'Пройти перевірку ще раз',
  canceledButton: 'Почати перевірку знову',
  expiredButton: 'Почати нову перевірку',
  failedHint: 'Допоможуть добре освітлення й чітко видиме обличчя.',
  flowLoading: 'Завантаження перевірки…',
}

export default messages
