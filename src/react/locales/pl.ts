import type { Messages } from './en'

const messages: Messages = {
  start: 'Potwierdź swoją tożsamość',
  starting: 'Uruchamianie…',
  retry: 'Spróbuj ponownie',
  close: 'Zamknij',
  dialogTitle: 'Weryfikacja tożsamości',
  testMode: 'Tryb testowy',
  requires_input: 'Czekamy, aż zaczniesz',
  in_progress: 'Trwa weryfikacja',
  processing: 'Sprawdzamy wynik…',
  verified: 'Weryfikacja zakończona powodzeniem',
  failed: 'Weryfikacja nie powiodła się',
  canceled: 'Weryfikacja anulowana',
  expired: 'Sesja wygasła. Zacznij od nowa.',
  errorNetwork: 'Nie udało się połączyć. Sprawdź połączenie i spróbuj ponownie.',
  errorRateLimited: 'Zbyt wiele prób. Odczekaj chwilę i spróbuj ponownie.',
  errorPopup: 'Okno weryfikacji zostało zablokowane. Zezwól na wyskakujące okna i spróbuj ponownie.',
  errorGeneric: 'Coś poszło nie tak. Spróbuj ponownie.',
  verifiedButton: 'Tożsamość potwierdzona',
  failedButton: 'Ponów weryfikację',
  canceledButton: 'Rozpocznij weryfikację od nowa',
  expiredButton: 'Rozpocznij nową weryfikację',
  failedHint: 'Pomaga dobre oświetlenie i dobrze widoczna twarz.',
  flowLoading: 'Wczytywanie weryfikacji…',
}

export default messages
