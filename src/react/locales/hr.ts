import type { Messages } from './en'

const messages: Messages = {
  start: 'Potvrdite svoj identitet',
  starting: 'Pokretanje…',
  retry: 'Pokušaj ponovno',
  close: 'Zatvori',
  dialogTitle: 'Provjera identiteta',
  testMode: 'Testni način',
  requires_input: 'Čeka se da započnete',
  in_progress: 'Provjera je u tijeku',
  processing: 'Provjeravamo rezultat…',
  verified: 'Provjera je uspjela',
  failed: 'Provjera nije uspjela',
  canceled: 'Provjera je otkazana',
  expired: 'Sesija je istekla. Započnite ponovno.',
  errorNetwork: 'Povezivanje nije uspjelo. Provjerite vezu i pokušajte ponovno.',
  errorRateLimited: 'Previše pokušaja. Pričekajte trenutak i pokušajte ponovno.',
  errorPopup: 'Prozor za provjeru je blokiran. Dopustite skočne prozore i pokušajte ponovno.',
  errorGeneric: 'Nešto je pošlo po zlu. Pokušajte ponovno.',
  verifiedButton: 'Identitet potvrđen',
  failedButton: 'Ponovno pokušaj provjeru',
  canceledButton: 'Ponovno započni provjeru',
  expiredButton: 'Započni novu provjeru',
  failedHint: 'Pomažu dobro svjetlo i jasno vidljivo lice.',
  flowLoading: 'Učitavanje provjere…',
}

export default messages
