import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Język',
  testModeNote: 'Nie odbywa się prawdziwa weryfikacja i żaden wynik się nie liczy.',
  startingBody: 'Przygotowujemy bezpieczną sesję…',
  idleTitle: 'Zacznij, kiedy chcesz',
  idleBody: 'Przez kilka sekund będziesz patrzeć w kamerę.',
  requiresInputBody: 'Wykonaj poniższe kroki. Kamera jest używana tylko do tej weryfikacji.',
  inProgressBody: 'Nie zamykaj tej strony, dopóki nie wykonasz wszystkich kroków.',
  processingBody: 'Zwykle trwa to kilka sekund. Możesz nie zamykać tej strony.',
  verifiedBody: 'Możesz zamknąć tę stronę i wrócić do miejsca, w którym zaczęła się weryfikacja.',
  failedBody: 'Nie udało się potwierdzić, że to Ty. Pomaga dobre oświetlenie i dobrze widoczna twarz.',
  canceledBody: 'Nic nie zostało sprawdzone. Możesz zacząć od nowa w dowolnej chwili.',
  expiredBody: 'Ze względów bezpieczeństwa sesje trwają krótko.',
  offlineTitle: 'Brak połączenia z internetem',
  offlineBody: 'Będziemy kontynuować, gdy tylko połączenie wróci.',
  rateLimitedTitle: 'Poczekaj chwilę',
  rateLimitedBody:
    '{seconds, plural, one {Ponowna próba za # sekundę.} few {Ponowna próba za # sekundy.} many {Ponowna próba za # sekund.} other {Ponowna próba za # sekundy.}}',
  errorTitle: 'Coś poszło nie tak',
  startAgain: 'Zacznij od nowa',
  cancel: 'Anuluj',
  footer: 'Twoją twarz sprawdza {provider}. Ta strona nigdy nie widzi Twoich zdjęć, tylko wynik.',
  handoffTakenTitle: 'Już otwarto na innym urządzeniu',
  handoffTakenBody: 'Ten link działa tylko na jednym urządzeniu. Aby kontynuować, utwórz nowy link na komputerze.',
  handoffExpiredTitle: 'Ten link wygasł',
  handoffExpiredBody: 'Linki działają przez kilka minut. Utwórz nowy na komputerze.',
  handoffInvalidTitle: 'Ten link nie działa',
  handoffInvalidBody: 'Może być niekompletny albo zastąpił go nowszy link. Utwórz nowy na komputerze.',
  handoffEndedTitle: 'Ta weryfikacja się zakończyła',
  handoffEndedBody: 'Wróć do komputera, aby zobaczyć wynik lub zacząć od nowa.',
  phoneDoneBody: 'Możesz już wrócić do komputera: tam również widać wynik.',
  phoneRetryBody: 'Wróć do komputera, aby spróbować ponownie.',
  phoneNoCameraBody: 'To urządzenie również nie ma kamery, której można użyć. Otwórz link na innym telefonie.',
}

export default messages
