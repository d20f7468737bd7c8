import type { Messages } from './en'

const messages: Messages = {
  start: 'Kimliğinizi doğrulayın',
  starting: 'Başlatılıyor…',
  retry: 'Tekrar dene',
  close: 'Kapat',
  dialogTitle: 'Kimlik doğrulama',
  testMode: 'Test modu',
  requires_input: 'Başlamanız bekleniyor',
  in_progress: 'Doğrulama sürüyor',
  processing: 'Sonucunuz kontrol ediliyor…',
  verified: 'Kimliğiniz doğrulandı',
  failed: 'Doğrulama başarısız oldu',
  canceled: 'Doğrulama iptal edildi',
  expired: 'Oturumun süresi doldu. Lütfen yeniden başlayın.',
  errorNetwork: 'Bağlantı kurulamadı. Bağlantınızı kontrol edip tekrar deneyin.',
  errorRateLimited: 'Çok fazla deneme yapıldı. Biraz bekleyip tekrar deneyin.',
  errorPopup: 'Doğrulama penceresi engellendi. Açılır pencerelere izin verip tekrar deneyin.',
  errorGeneric: 'Bir sorun oluştu. Lütfen tekrar deneyin.',
  verifiedButton: 'Kimlik doğrulandı',
  failedButton: 'Doğrulamayı tekrar dene',
  canceledButton: 'Doğrulamayı yeniden başlat',
  expiredButton: 'Yeni bir doğrulama başlat',
  failedHint: 'İyi ışık ve yüzünüzün net görünmesi yardımcı olur.',
  flowLoading: 'Doğrulama yükleniyor…',
}

export default messages
