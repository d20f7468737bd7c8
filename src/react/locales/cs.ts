import type { Messages } from './en'

const messages: Messages = {
  start: 'Ověřte svou totožnost',
  starting: 'Spouštění…',
  retry: 'Zkusit znovu',
  close: 'Zavřít',
  dialogTitle: 'Ověření totožnosti',
  testMode: 'Testovací režim',
  requires_input: 'Čeká se, až začnete',
  in_progress: 'Probíhá ověření',
  processing: 'Kontrolujeme výsledek…',
  verified: 'Ověření proběhlo úspěšně',
  failed: 'Ověření se nezdařilo',
  canceled: 'Ověření bylo zrušeno',
  expired: 'Relace vypršela. Začněte prosím znovu.',
  errorNetwork: 'Nepodařilo se připojit. Zkontrolujte připojení a zkuste to znovu.',
  errorRateLimited: 'Příliš mnoho pokusů. Chvíli počkejte a zkuste to znovu.',
  errorPopup: 'Okno ověření bylo zablokováno. Povolte vyskakovací okna a zkuste to znovu.',
  errorGeneric: 'Něco se pokazilo. Zkuste to prosím znovu.',
  verifiedButton: 'Totožnost ověřena',
  failedButton: 'Zkusit ověření znovu',
  canceledButton: 'Začít ověření znovu',
  expiredButton: 'Zahájit nové ověření',
  failedHint: 'Pomůže dobré světlo a dobře viditelný obličej.',
  flowLoading: 'Načítání ověření…',
}

export default messages
