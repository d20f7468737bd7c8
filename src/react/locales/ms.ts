import type { Messages } from './en'

const messages: Messages = {
  start: 'Sahkan identiti anda',
  starting: 'Memulakan…',
  retry: 'Cuba lagi',
  close: 'Tutup',
  dialogTitle: 'Pengesahan identiti',
  testMode: 'Mod ujian',
  requires_input: 'Menunggu anda bermula',
  in_progress: 'Pengesahan sedang berjalan',
  processing: 'Menyemak keputusan anda…',
  verified: 'Anda telah disahkan',
  failed: 'Pengesahan gagal',
  canceled: 'Pengesahan dibatalkan',
  expired: 'Sesi telah tamat tempoh. Sila mulakan semula.',
  errorNetwork: 'Tidak dapat menyambung. Semak sambungan anda dan cuba lagi.',
  errorRateLimited: 'Terlalu banyak percubaan. Tunggu sebentar dan cuba lagi.',
  errorPopup: 'Tetingkap pengesahan telah disekat. Benarkan tetingkap timbul dan cuba lagi.',
  errorGeneric: 'Berlaku ralat. Sila cuba lagi.',
  verifiedButton: 'Identiti disahkan',
  failedButton: 'Cuba pengesahan semula',
  canceledButton: 'Mulakan semula pengesahan',
  expiredButton: 'Mulakan pengesahan baharu',
  failedHint: 'Cahaya yang baik dan wajah yang jelas kelihatan akan membantu.',
  flowLoading: 'Memuatkan pengesahan…',
}

export default messages
