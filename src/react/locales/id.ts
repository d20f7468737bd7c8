import type { Messages } from './en'

const messages: Messages = {
  start: 'Verifikasi identitas Anda',
  starting: 'Memulai…',
  retry: 'Coba lagi',
  close: 'Tutup',
  dialogTitle: 'Verifikasi identitas',
  testMode: 'Mode uji',
  requires_input: 'Menunggu Anda memulai',
  in_progress: 'Verifikasi sedang berlangsung',
  processing: 'Memeriksa hasil Anda…',
  verified: 'Anda sudah terverifikasi',
  failed: 'Verifikasi gagal',
  canceled: 'Verifikasi dibatalkan',
  expired: 'Sesi telah berakhir. Silakan mulai lagi.',
  errorNetwork: 'Tidak dapat terhubung. Periksa koneksi Anda dan coba lagi.',
  errorRateLimited: 'Terlalu banyak percobaan. Tunggu sebentar dan coba lagi.',
  errorPopup: 'Jendela verifikasi diblokir. Izinkan pop-up dan coba lagi.',
  errorGeneric: 'Terjadi kesalahan. Silakan coba lagi.',
  verifiedButton: 'Identitas terverifikasi',
  failedButton: 'Coba verifikasi lagi',
  canceledButton: 'Mulai ulang verifikasi',
  expiredButton: 'Mulai verifikasi baru',
  failedHint: 'Cahaya yang baik dan wajah yang terlihat jelas akan membantu.',
  flowLoading: 'Memuat verifikasi…',
}

export default messages
