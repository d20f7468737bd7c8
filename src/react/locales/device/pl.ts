import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Kontynuuj na telefonie',
  noCamera: 'Na tym urządzeniu nie znaleziono kamery.',
  cameraDenied: 'Kamera jest zablokowana dla tej witryny.',
  deniedChromium: 'Wybierz ikonę po lewej stronie paska adresu, zezwól na kamerę i spróbuj ponownie.',
  deniedFirefox: 'Wybierz przekreśloną ikonę kamery na pasku adresu, usuń blokadę i spróbuj ponownie.',
  deniedSafari: 'Wybierz Safari › Ustawienia tej witryny, zezwól na kamerę i spróbuj ponownie.',
  deniedIos: 'Stuknij aA na pasku adresu, wybierz Ustawienia witryny, zezwól na kamerę i spróbuj ponownie.',
  deniedOther: 'Zezwól na kamerę dla tej witryny w ustawieniach przeglądarki i spróbuj ponownie.',
  flowFailed: 'Weryfikacja się nie załadowała.',
  flowFailedHint: 'Może ją blokować rozszerzenie przeglądarki, zapora lub serwer proxy.',
  handoffScan: 'Zeskanuj ten kod aparatem telefonu albo skopiuj link i otwórz go na telefonie. Działa jeden raz, przez kilka minut.',
  handoffWaiting: 'Oczekiwanie na telefon…',
  handoffOpened: 'Otwarto na telefonie. Dokończ tam: ta strona śledzi postęp sama.',
  handoffExpired: 'Ten link wygasł.',
  qrLabel: 'Kod QR z linkiem dla telefonu',
  copyLink: 'Kopiuj link',
  linkCopied: 'Skopiowano link',
  newLink: 'Utwórz nowy link',
  cancel: 'Anuluj',
}

export default messages
