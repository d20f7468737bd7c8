import type { Messages } from './en'

const messages: Messages = {
  start: 'Személyazonosság igazolása',
  starting: 'Indítás…',
  retry: 'Újra',
  close: 'Bezárás',
  dialogTitle: 'Személyazonosság-ellenőrzés',
  testMode: 'Tesztmód',
  requires_input: 'Arra várunk, hogy elkezdje',
  in_progress: 'Az ellenőrzés folyamatban',
  processing: 'Az eredmény ellenőrzése…',
  verified: 'Sikeres ellenőrzés',
  failed: 'Sikertelen ellenőrzés',
  canceled: 'Az ellenőrzés megszakítva',
  expired: 'A munkamenet lejárt. Kezdje újra.',
  errorNetwork: 'Nem sikerült kapcsolódni. Ellenőrizze a kapcsolatot, és próbálja újra.',
  errorRateLimited: 'Túl sok próbálkozás. Várjon egy kicsit, és próbálja újra.',
  errorPopup: 'Az ellenőrző ablakot letiltotta a böngésző. Engedélyezze a felugró ablakokat, és próbálja újra.',
  errorGeneric: 'Hiba történt. Próbálja újra.',
  verifiedButton: 'Személyazonosság igazolva',
  failedButton: 'Ellenőrzés újrapróbálása',
  canceledButton: 'Ellenőrzés újrakezdése',
  expiredButton: 'Új ellenőrzés indítása',
  failedHint: 'A jó megvilágítás és a jól látható arc segít.',
  flowLoading: 'Az ellenőrzés betöltése…',
}

export default messages
