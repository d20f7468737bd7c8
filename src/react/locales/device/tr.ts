import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Telefonunuzda devam edin',
  noCamera: 'Bu cihazda kamera bulunamadı.',
  cameraDenied: 'Kamera bu site için engellendi.',
  deniedChromium: 'Adres çubuğunun solundaki simgeyi seçin, kameraya izin verin ve yeniden deneyin.',
  deniedFirefox: 'Adres çubuğundaki üstü çizili kamera simgesini seçin, engeli kaldırın ve yeniden deneyin.',
  deniedSafari: 'Safari › Bu Web Sitesi İçin Ayarlar’ı seçin, kameraya izin verin ve yeniden deneyin.',
  deniedIos: 'Adres çubuğunda aA’ya dokunun, Web Sitesi Ayarları’nı seçin, kameraya izin verin ve yeniden deneyin.',
  deniedOther: 'Tarayıcı ayarlarında bu site için kameraya izin verin ve yeniden deneyin.',
  flowFailed: 'Doğrulama yüklenmedi.',
  flowFailedHint: 'Bir tarayıcı uzantısı, güvenlik duvarı veya proxy onu engelliyor olabilir.',
  handoffScan:
    'Bu kodu telefonunuzun kamerasıyla tarayın veya bağlantıyı kopyalayıp telefonunuzda açın. Yalnızca bir kez ve birkaç dakika çalışır.',
  handoffWaiting: 'Telefonunuz bekleniyor…',
  handoffOpened: 'Telefonunuzda açıldı. Orada tamamlayın: bu sayfa kendiliğinden güncellenir.',
  handoffExpired: 'Bu bağlantının süresi doldu.',
  qrLabel: 'Telefonunuz için bağlantıyı içeren QR kodu',
  copyLink: 'Bağlantıyı kopyala',
  linkCopied: 'Bağlantı kopyalandı',
  newLink: 'Yeni bağlantı oluştur',
  cancel: 'İptal',
}

export default messages
