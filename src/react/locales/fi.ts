import type { Messages } from './en'

const messages: Messages = {
  start: 'Vahvista henkilöllisyytesi',
  starting: 'Aloitetaan…',
  retry: 'Yritä uudelleen',
  close: 'Sulje',
  dialogTitle: 'Henkilöllisyyden vahvistus',
  testMode: 'Testitila',
  requires_input: 'Odotetaan, että aloitat',
  in_progress: 'Vahvistus käynnissä',
  processing: 'Tarkistetaan tulosta…',
  verified: 'Henkilöllisyytesi on vahvistettu',
  failed: 'Vahvistus epäonnistui',
  canceled: 'Vahvistus peruttiin',
  expired: 'Istunto vanheni. Aloita uudelleen.',
  errorNetwork: 'Yhteyttä ei saatu. Tarkista yhteys ja yritä uudelleen.',
  errorRateLimited: 'Liian monta yritystä. Odota hetki ja yritä uudelleen.',
  errorPopup: 'Vahvistusikkuna estettiin. Salli ponnahdusikkunat ja yritä uudelleen.',
  errorGeneric: 'Jokin meni vikaan. Yritä uudelleen.',
  verifiedButton: 'Henkilöllisyys vahvistettu',
  failedButton: 'Yritä vahvistusta uudelleen',
  canceledButton: 'Aloita vahvistus alusta',
  expiredButton: 'Aloita uusi vahvistus',
  failedHint: 'Hyvä valaistus ja kasvojen selkeä näkyvyys auttavat.',
  flowLoading: 'Ladataan vahvistusta…',
}

export default messages
