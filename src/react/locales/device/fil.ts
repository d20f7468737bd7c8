import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Magpatuloy sa iyong telepono',
  noCamera: 'Walang nakitang camera sa device na ito.',
  cameraDenied: 'Naka-block ang camera para sa site na ito.',
  deniedChromium: 'Piliin ang icon sa kaliwa ng address bar, payagan ang camera, at subukang muli.',
  deniedFirefox: 'Piliin ang naka-ekis na icon ng camera sa address bar, alisin ang block, at subukang muli.',
  deniedSafari: 'Piliin ang Safari › Mga Setting para sa Website na Ito, payagan ang camera, at subukang muli.',
  deniedIos: 'I-tap ang aA sa address bar, piliin ang Mga Setting ng Website, payagan ang camera, at subukang muli.',
  deniedOther: 'Payagan ang camera para sa site na ito sa mga setting ng browser, at subukang muli.',
  flowFailed: 'Hindi nag-load ang pag-verify.',
  flowFailedHint: 'Maaaring hinaharangan ito ng extension ng browser, firewall o proxy.',
  handoffScan:
    'I-scan ang code na ito gamit ang camera ng iyong telepono, o kopyahin ang link at buksan ito sa telepono. Isang beses lang ito gagana, sa loob ng ilang minuto.',
  handoffWaiting: 'Hinihintay ang iyong telepono…',
  handoffOpened: 'Nabuksan sa iyong telepono. Tapusin doon: kusang sumusunod ang page na ito.',
  handoffExpired: 'Nag-expire na ang link na ito.',
  qrLabel: 'QR code na may link para sa iyong telepono',
  copyLink: 'Kopyahin ang link',
  linkCopied: 'Nakopya ang link',
  newLink: 'Gumawa ng bagong link',
  cancel: 'Kanselahin',
}

export default messages
