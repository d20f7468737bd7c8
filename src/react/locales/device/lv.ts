import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Turpināt tālrunī',
  noCamera: 'Šajā ierīcē kamera netika atrasta.',
  cameraDenied: 'Kamera šai vietnei ir bloķēta.',
  deniedChromium: 'Atlasiet ikonu adreses joslas kreisajā pusē, atļaujiet kameru un mēģiniet vēlreiz.',
  deniedFirefox: 'Atlasiet pārsvītroto kameras ikonu adreses joslā, noņemiet bloķēšanu un mēģiniet vēlreiz.',
  deniedSafari: 'Izvēlieties Safari › Šīs vietnes iestatījumi, atļaujiet kameru un mēģiniet vēlreiz.',
  deniedIos: 'Pieskarieties aA adreses joslā, izvēlieties Vietnes iestatījumi, atļaujiet kameru un mēģiniet vēlreiz.',
  deniedOther: 'Pārlūka iestatījumos atļaujiet kameru šai vietnei un mēģiniet vēlreiz.',
  flowFailed: 'Pārbaude netika ielādēta.',
  flowFailedHint: 'To var bloķēt pārlūka paplašinājums, ugunsmūris vai starpniekserveris.',
  handoffScan: 'Noskenējiet šo kodu ar tālruņa kameru vai nokopējiet saiti un atveriet to tālrunī. Tā darbojas vienu reizi, dažas minūtes.',
  handoffWaiting: 'Gaida tālruni…',
  handoffOpened: 'Atvērts tālrunī. Pabeidziet tur: šī lapa sekos līdzi pati.',
  handoffExpired: 'Šīs saites derīgums ir beidzies.',
  qrLabel: 'QR kods ar saiti tālrunim',
  copyLink: 'Kopēt saiti',
  linkCopied: 'Saite nokopēta',
  newLink: 'Izveidot jaunu saiti',
  cancel: 'Atcelt',
}

export default messages
