import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Jazyk',
  testModeNote: 'Neprebieha žiadne skutočné overenie a žiadny výsledok sa nepočíta.',
  startingBody: 'Pripravujeme zabezpečenú reláciu…',
  idleTitle: 'Začnite, keď budete pripravení',
  idleBody: 'Na niekoľko sekúnd sa pozriete do kamery.',
  requiresInputBody: 'Postupujte podľa krokov nižšie. Kamera sa používa iba na toto overenie.',
  inProgressBody: 'Nechajte túto stránku otvorenú, kým kroky nedokončíte.',
  processingBody: 'Zvyčajne to trvá niekoľko sekúnd. Stránku môžete nechať otvorenú.',
  verifiedBody: 'Túto stránku môžete zavrieť a vrátiť sa tam, kde ste začali.',
  failedBody: 'Nepodarilo sa potvrdiť, že ste to vy. Pomôže dobré svetlo a dobre viditeľná tvár.',
  canceledBody: 'Nič sa nekontrolovalo. Začať znova môžete, kedykoľvek budete chcieť.',
  expiredBody: 'Kvôli vašej bezpečnosti trvajú relácie iba krátko.',
  offlineTitle: 'Ste offline',
  offlineBody: 'Hneď ako sa pripojenie obnoví, budeme pokračovať.',
  rateLimitedTitle: 'Chvíľu strpenia',
  rateLimitedBody:
    '{seconds, plural, one {Ďalší pokus o # sekundu.} few {Ďalší pokus o # sekundy.} many {Ďalší pokus o # sekundy.} other {Ďalší pokus o # sekúnd.}}',
  errorTitle: 'Niečo sa pokazilo',
  startAgain: 'Začať znova',
  cancel: 'Zrušiť',
  footer: 'Vašu tvár overuje {provider}. Táto stránka vaše snímky nikdy nevidí, iba výsledok.',
  handoffTakenTitle: 'Už otvorené v inom zariadení',
  handoffTakenBody: 'Tento odkaz funguje len v jednom zariadení. Ak chcete pokračovať, vytvorte v počítači nový odkaz.',
  handoffExpiredTitle: 'Platnosť odkazu vypršala',
  handoffExpiredBody: 'Odkazy fungujú niekoľko minút. Vytvorte v počítači nový.',
  handoffInvalidTitle: 'Tento odkaz nefunguje',
  handoffInvalidBody: 'Môže byť neúplný alebo ho nahradil novší odkaz. Vytvorte v počítači nový.',
  handoffEndedTitle: 'Toto overenie sa skončilo',
  handoffEndedBody: 'Vráťte sa k počítaču, kde uvidíte výsledok alebo môžete začať znova.',
  phoneDoneBody: 'Teraz sa môžete vrátiť k počítaču: výsledok ukazuje tiež.',
  phoneRetryBody: 'Vráťte sa k počítaču a skúste to znova.',
  phoneNoCameraBody: 'Ani toto zariadenie nemá použiteľnú kameru. Otvorte odkaz v inom telefóne.',
}

export default messages
