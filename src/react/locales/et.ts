import type { Messages } from './en'

const messages: Messages = {
  start: 'Kinnitage oma isik',
  starting: 'Käivitamine…',
  retry: 'Proovi uuesti',
  close: 'Sulge',
  dialogTitle: 'Isikutuvastus',
  testMode: 'Testrežiim',
  requires_input: 'Ootame, kuni alustate',
  in_progress: 'Tuvastamine käib',
  processing: 'Kontrollime tulemust…',
  verified: 'Isik on tuvastatud',
  failed: 'Tuvastamine ebaõnnestus',
  canceled: 'Tuvastamine tühistati',
  expired: 'Seanss aegus. Alustage uuesti.',
  errorNetwork: 'Ühendust ei õnnestunud luua. Kontrollige ühendust ja proovige uuesti.',
  errorRateLimited: 'Liiga palju katseid. Oodake veidi ja proovige uuesti.',
  errorPopup: 'Tuvastusaken blokeeriti. Lubage hüpikaknad ja proovige uuesti.',
  errorGeneric: 'Midagi läks valesti. Proovige uuesti.',
  verifiedButton: 'Isik tuvastatud',
  failedButton: 'Proovi tuvastamist uuesti',
  canceledButton: 'Alusta tuvastamist uuesti',
  expiredButton: 'Alusta uut tuvastamist',
  failedHint: 'Aitab hea valgus ja selgelt nähtav nägu.',
  flowLoading: 'Tuvastuse laadimine…',
}

export default messages
