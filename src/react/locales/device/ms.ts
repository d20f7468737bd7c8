import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Teruskan pada telefon anda',
  noCamera: 'Tiada kamera ditemui pada peranti ini.',
  cameraDenied: 'Kamera disekat untuk laman ini.',
  deniedChromium: 'Pilih ikon di sebelah kiri bar alamat, benarkan kamera, kemudian cuba lagi.',
  deniedFirefox: 'Pilih ikon kamera yang dipangkah dalam bar alamat, alih keluar sekatan, kemudian cuba lagi.',
  deniedSafari: 'Pilih Safari › Tetapan untuk Laman Web Ini, benarkan kamera, kemudian cuba lagi.',
  deniedIos: 'Ketik aA dalam bar alamat, pilih Tetapan Laman Web, benarkan kamera, kemudian cuba lagi.',
  deniedOther: 'Benarkan kamera untuk laman ini dalam tetapan pelayar, kemudian cuba lagi.',
  flowFailed: 'Pengesahan tidak dimuatkan.',
  flowFailedHint: 'Mungkin sambungan pelayar, tembok api atau proksi menyekatnya.',
  handoffScan:
    'Imbas kod ini dengan kamera telefon anda, atau salin pautan dan bukanya pada telefon. Ia berfungsi sekali sahaja, selama beberapa minit.',
  handoffWaiting: 'Menunggu telefon anda…',
  handoffOpened: 'Dibuka pada telefon anda. Selesaikan di sana: halaman ini mengikut dengan sendirinya.',
  handoffExpired: 'Pautan ini telah tamat tempoh.',
  qrLabel: 'Kod QR dengan pautan untuk telefon anda',
  copyLink: 'Salin pautan',
  linkCopied: 'Pautan disalin',
  newLink: 'Buat pautan baharu',
  cancel: 'Batal',
}

export default messages
