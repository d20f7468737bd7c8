import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Fortsæt på din telefon',
  noCamera: 'Der blev ikke fundet noget kamera på denne enhed.',
  cameraDenied: 'Kameraet er blokeret for dette websted.',
  deniedChromium: 'Vælg ikonet til venstre for adresselinjen, tillad kameraet, og prøv igen.',
  deniedFirefox: 'Vælg det overstregede kameraikon i adresselinjen, fjern blokeringen, og prøv igen.',
  deniedSafari: 'Vælg Safari › Indstillinger for dette websted, tillad kameraet, og prøv igen.',
  deniedIos: 'Tryk på aA i adresselinjen, vælg Webstedsindstillinger, tillad kameraet, og prøv igen.',
  deniedOther: 'Tillad kameraet for dette websted i din browsers indstillinger, og prøv igen.',
  flowFailed: 'Verificeringen blev ikke indlæst.',
  flowFailedHint: 'En browserudvidelse, en firewall eller en proxy blokerer den muligvis.',
  handoffScan:
    'Scan koden med din telefons kamera, eller kopiér linket og åbn det på din telefon. Det virker én gang, i nogle få minutter.',
  handoffWaiting: 'Venter på din telefon…',
  handoffOpened: 'Åbnet på din telefon. Gør det færdigt dér: siden her følger med.',
  handoffExpired: 'Linket er udløbet.',
  qrLabel: 'QR-kode med linket til din telefon',
  copyLink: 'Kopiér link',
  linkCopied: 'Link kopieret',
  newLink: 'Opret et nyt link',
  cancel: 'Annuller',
}

export default messages
