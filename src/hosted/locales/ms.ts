import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Bahasa',
  testModeNote: 'Tiada pengesahan sebenar berlaku, dan tiada keputusan yang dikira.',
  startingBody: 'Menyediakan sesi yang selamat…',
  idleTitle: 'Mulakan apabila anda bersedia',
  idleBody: 'Anda akan diminta melihat ke kamera selama beberapa saat.',
  requiresInputBody: 'Ikuti langkah di bawah. Kamera anda hanya digunakan untuk semakan ini.',
  inProgressBody: 'Biarkan halaman ini terbuka sehingga anda selesai.',
  processingBody: 'Biasanya ini mengambil masa beberapa saat. Anda boleh biarkan halaman ini terbuka.',
  verifiedBody: 'Anda boleh menutup halaman ini dan kembali ke tempat anda bermula.',
  failedBody: 'Kami tidak dapat mengesahkan bahawa itu anda. Cahaya yang baik dan wajah yang jelas kelihatan akan membantu.',
  canceledBody: 'Tiada apa-apa yang disemak. Anda boleh mulakan semula bila-bila masa anda bersedia.',
  expiredBody: 'Demi keselamatan anda, sesi hanya berlangsung seketika.',
  offlineTitle: 'Anda di luar talian',
  offlineBody: 'Kami akan meneruskan sebaik sahaja sambungan anda pulih.',
  rateLimitedTitle: 'Sila tunggu sebentar',
  rateLimitedBody: '{seconds, plural, other {Mencuba lagi dalam # saat.}}',
  errorTitle: 'Berlaku ralat',
  startAgain: 'Mulakan semula',
  cancel: 'Batal',
  footer: 'Wajah anda disemak oleh {provider}. Halaman ini tidak pernah melihat imej anda, hanya keputusannya.',
  handoffTakenTitle: 'Sudah dibuka pada peranti lain',
  handoffTakenBody: 'Pautan ini berfungsi pada satu peranti sahaja. Untuk meneruskan, buat pautan baharu pada komputer anda.',
  handoffExpiredTitle: 'Pautan ini telah tamat tempoh',
  handoffExpiredBody: 'Pautan berfungsi selama beberapa minit. Buat pautan baharu pada komputer anda.',
  handoffInvalidTitle: 'Pautan ini tidak berfungsi',
  handoffInvalidBody:
    'Mungkin ia tidak lengkap, atau pautan yang lebih baharu telah menggantikannya. Buat pautan baharu pada komputer anda.',
  handoffEndedTitle: 'Pengesahan ini telah tamat',
  handoffEndedBody: 'Kembali ke komputer anda untuk melihat keputusan atau bermula semula.',
  phoneDoneBody: 'Anda boleh kembali ke komputer sekarang: ia juga menunjukkan keputusannya.',
  phoneRetryBody: 'Kembali ke komputer anda untuk mencuba lagi.',
  phoneNoCameraBody: 'Peranti ini juga tiada kamera yang boleh digunakan. Buka pautan pada telefon lain.',
}

export default messages
