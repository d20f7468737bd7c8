import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Bahasa',
  testModeNote: 'Tidak ada verifikasi sungguhan, dan tidak ada hasil yang dihitung.',
  startingBody: 'Menyiapkan sesi yang aman…',
  idleTitle: 'Mulai kapan pun Anda siap',
  idleBody: 'Anda akan diminta melihat ke kamera selama beberapa detik.',
  requiresInputBody: 'Ikuti langkah-langkah di bawah. Kamera Anda hanya digunakan untuk pemeriksaan ini.',
  inProgressBody: 'Biarkan halaman ini tetap terbuka selagi Anda menyelesaikan langkah-langkahnya.',
  processingBody: 'Biasanya ini hanya perlu beberapa detik. Anda dapat membiarkan halaman ini terbuka.',
  verifiedBody: 'Anda dapat menutup halaman ini dan kembali ke tempat Anda memulai.',
  failedBody: 'Kami tidak dapat memastikan bahwa itu Anda. Cahaya yang baik dan wajah yang terlihat jelas akan membantu.',
  canceledBody: 'Tidak ada yang diperiksa. Anda dapat mulai lagi kapan pun Anda siap.',
  expiredBody: 'Demi keamanan Anda, sesi hanya berlangsung sebentar.',
  offlineTitle: 'Anda sedang offline',
  offlineBody: 'Kami akan melanjutkan begitu koneksi Anda kembali.',
  rateLimitedTitle: 'Mohon tunggu sebentar',
  rateLimitedBody: '{seconds, plural, other {Mencoba lagi dalam # detik.}}',
  errorTitle: 'Terjadi kesalahan',
  startAgain: 'Mulai lagi',
  cancel: 'Batal',
  footer: 'Wajah Anda diperiksa oleh {provider}. Halaman ini tidak pernah melihat gambar Anda, hanya hasilnya.',
}

export default messages
