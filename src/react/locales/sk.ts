import type { Messages } from './en'

const messages: Messages = {
  start: 'Overte svoju totožnosť',
  starting: 'Spúšťa sa…',
  retry: 'Skúsiť znova',
  close: 'Zavrieť',
  dialogTitle: 'Overenie totožnosti',
  testMode: 'Testovací režim',
  requires_input: 'Čaká sa, kým začnete',
  in_progress: 'Prebieha overenie',
  processing: 'Kontrolujeme výsledok…',
  verified: 'Overenie prebehlo úspešne',
  failed: 'Overenie zlyhalo',
  canceled: 'Overenie bolo zrušené',
  expired: 'Relácia vypršala. Začnite znova.',
  errorNetwork: 'Nepodarilo sa pripojiť. Skontrolujte pripojenie a skúste to znova.',
  errorRateLimited: 'Príliš veľa pokusov. Chvíľu počkajte a skúste to znova.',
  errorPopup: 'Okno overenia bolo zablokované. Povoľte vyskakovacie okná a skúste to znova.',
  errorGeneric: 'Niečo sa pokazilo. Skúste to znova.',
  verifiedButton: 'Totožnosť overená',
  failedButton: 'Skúsiť overenie znova',
  canceledButton: 'Začať overenie znova',
  expiredButton: 'Začať nové overenie',
  failedHint: 'Pomôže dobré svetlo a dobre viditeľná tvár.',
  flowLoading: 'Načítava sa overenie…',
}

export default messages
