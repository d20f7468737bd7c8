import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Halda áfram í símanum',
  noCamera: 'Engin myndavél fannst á þessu tæki.',
  cameraDenied: 'Lokað er á myndavélina fyrir þetta vefsvæði.',
  deniedChromium: 'Veldu táknið vinstra megin við veffangastikuna, leyfðu myndavélina og reyndu aftur.',
  deniedFirefox: 'Veldu yfirstrikaða myndavélartáknið í veffangastikunni, fjarlægðu lokunina og reyndu aftur.',
  deniedSafari: 'Veldu Safari › Stillingar fyrir þetta vefsvæði, leyfðu myndavélina og reyndu aftur.',
  deniedIos: 'Ýttu á aA í veffangastikunni, veldu Vefsvæðisstillingar, leyfðu myndavélina og reyndu aftur.',
  deniedOther: 'Leyfðu myndavélina fyrir þetta vefsvæði í stillingum vafrans og reyndu aftur.',
  flowFailed: 'Auðkenningin hlóðst ekki.',
  flowFailedHint: 'Viðbót í vafranum, eldveggur eða proxy-þjónn gæti verið að loka á hana.',
  handoffScan:
    'Skannaðu kóðann með myndavél símans, eða afritaðu tengilinn og opnaðu hann í símanum. Hann virkar einu sinni, í nokkrar mínútur.',
  handoffWaiting: 'Beðið eftir símanum…',
  handoffOpened: 'Opnað í símanum. Ljúktu því þar: þessi síða fylgist með.',
  handoffExpired: 'Þessi tengill er útrunninn.',
  qrLabel: 'QR-kóði með tenglinum fyrir símann',
  copyLink: 'Afrita tengil',
  linkCopied: 'Tengill afritaður',
  newLink: 'Búa til nýjan tengil',
  cancel: 'Hætta við',
}

export default messages
