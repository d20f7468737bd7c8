import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Dil',
  testModeNote: 'Gerçek bir doğrulama yapılmaz ve hiçbir sonuç geçerli sayılmaz.',
  startingBody: 'Güvenli bir oturum hazırlanıyor…',
  idleTitle: 'Hazır olduğunuzda başlayın',
  idleBody: 'Birkaç saniye boyunca kameranıza bakmanız istenecek.',
  requiresInputBody: 'Aşağıdaki adımları izleyin. Kameranız yalnızca bu kontrol için kullanılır.',
  inProgressBody: 'Adımları tamamlayana kadar bu sayfayı açık tutun.',
  processingBody: 'Bu genellikle birkaç saniye sürer. Bu sayfayı açık tutabilirsiniz.',
  verifiedBody: 'Bu sayfayı kapatıp başladığınız yere dönebilirsiniz.',
  failedBody: 'Siz olduğunuzu doğrulayamadık. İyi ışık ve yüzünüzün net görünmesi yardımcı olur.',
  canceledBody: 'Hiçbir şey kontrol edilmedi. Hazır olduğunuzda yeniden başlayabilirsiniz.',
  expiredBody: 'Güvenliğiniz için oturumlar kısa sürer.',
  offlineTitle: 'Çevrimdışısınız',
  offlineBody: 'Bağlantınız geri gelir gelmez devam edeceğiz.',
  rateLimitedTitle: 'Lütfen biraz bekleyin',
  rateLimitedBody: '{seconds, plural, one {# saniye içinde yeniden denenecek.} other {# saniye içinde yeniden denenecek.}}',
  errorTitle: 'Bir sorun oluştu',
  startAgain: 'Yeniden başla',
  cancel: 'İptal',
  footer: 'Yüzünüz {provider} tarafından kontrol edilir. Bu sayfa görüntülerinizi asla görmez, yalnızca sonucu görür.',
}

export default messages
