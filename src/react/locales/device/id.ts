import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Lanjutkan di ponsel',
  noCamera: 'Tidak ada kamera yang ditemukan di perangkat ini.',
  cameraDenied: 'Kamera diblokir untuk situs ini.',
  deniedChromium: 'Pilih ikon di sebelah kiri bilah alamat, izinkan kamera, lalu coba lagi.',
  deniedFirefox: 'Pilih ikon kamera yang dicoret di bilah alamat, hapus blokirnya, lalu coba lagi.',
  deniedSafari: 'Pilih Safari › Pengaturan untuk Situs Web Ini, izinkan kamera, lalu coba lagi.',
  deniedIos: 'Ketuk aA di bilah alamat, pilih Pengaturan Situs Web, izinkan kamera, lalu coba lagi.',
  deniedOther: 'Izinkan kamera untuk situs ini di pengaturan browser, lalu coba lagi.',
  flowFailed: 'Verifikasi tidak termuat.',
  flowFailedHint: 'Mungkin ekstensi browser, firewall, atau proxy memblokirnya.',
  handoffScan:
    'Pindai kode ini dengan kamera ponsel, atau salin tautannya dan buka di ponsel. Tautan hanya berlaku sekali, selama beberapa menit.',
  handoffWaiting: 'Menunggu ponsel Anda…',
  handoffOpened: 'Dibuka di ponsel. Selesaikan di sana: halaman ini mengikuti dengan sendirinya.',
  handoffExpired: 'Tautan ini sudah kedaluwarsa.',
  qrLabel: 'Kode QR berisi tautan untuk ponsel Anda',
  copyLink: 'Salin tautan',
  linkCopied: 'Tautan disalin',
  newLink: 'Buat tautan baru',
  cancel: 'Batal',
}

export default messages
