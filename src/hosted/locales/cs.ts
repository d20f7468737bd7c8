import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Jazyk',
  testModeNote: 'Neprobíhá žádné skutečné ověření a žádný výsledek se nepočítá.',
  startingBody: 'Připravujeme zabezpečenou relaci…',
  idleTitle: 'Začněte, až budete připraveni',
  idleBody: 'Na několik sekund se podíváte do kamery.',
  requiresInputBody: 'Postupujte podle kroků níže. Kamera se používá jen pro toto ověření.',
  inProgressBody: 'Nechte tuto stránku otevřenou, dokud kroky nedokončíte.',
  processingBody: 'Obvykle to trvá několik sekund. Stránku můžete nechat otevřenou.',
  verifiedBody: 'Tuto stránku můžete zavřít a vrátit se tam, kde jste začali.',
  failedBody: 'Nepodařilo se potvrdit, že jste to vy. Pomůže dobré světlo a dobře viditelný obličej.',
  canceledBody: 'Nic nebylo zkontrolováno. Začít znovu můžete, kdykoli budete chtít.',
  expiredBody: 'Kvůli vaší bezpečnosti trvají relace jen krátce.',
  offlineTitle: 'Jste offline',
  offlineBody: 'Jakmile se připojení obnoví, budeme pokračovat.',
  rateLimitedTitle: 'Chvíli strpení',
  rateLimitedBody:
    '{seconds, plural, one {Další pokus za # sekundu.} few {Další pokus za # sekundy.} many {Další pokus za # sekundy.} other {Další pokus za # sekund.}}',
  errorTitle: 'Něco se pokazilo',
  startAgain: 'Začít znovu',
  cancel: 'Zrušit',
  footer: 'Váš obličej ověřuje {provider}. Tato stránka vaše snímky nikdy nevidí, jen výsledek.',
  handoffTakenTitle: 'Už otevřeno v jiném zařízení',
  handoffTakenBody: 'Tento odkaz funguje jen v jednom zařízení. Chcete-li pokračovat, vytvořte v počítači nový odkaz.',
  handoffExpiredTitle: 'Platnost odkazu vypršela',
  handoffExpiredBody: 'Odkazy fungují několik minut. Vytvořte v počítači nový.',
  handoffInvalidTitle: 'Tento odkaz nefunguje',
  handoffInvalidBody: 'Může být neúplný, nebo ho nahradil novější odkaz. Vytvořte v počítači nový.',
  handoffEndedTitle: 'Toto ověření skončilo',
  handoffEndedBody: 'Vraťte se k počítači, kde uvidíte výsledek nebo můžete začít znovu.',
  phoneDoneBody: 'Teď se můžete vrátit k počítači: výsledek ukazuje také.',
  phoneRetryBody: 'Vraťte se k počítači a zkuste to znovu.',
  phoneNoCameraBody: 'Ani toto zařízení nemá použitelnou kameru. Otevřete odkaz v jiném telefonu.',
}

export default messages
