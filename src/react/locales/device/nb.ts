import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Fortsett på telefonen',
  noCamera: 'Fant ikke noe kamera på denne enheten.',
  cameraDenied: 'Kameraet er blokkert for dette nettstedet.',
  deniedChromium: 'Velg ikonet til venstre for adressefeltet, tillat kameraet, og prøv igjen.',
  deniedFirefox: 'Velg det overstrekede kameraikonet i adressefeltet, fjern blokkeringen, og prøv igjen.',
  deniedSafari: 'Velg Safari › Innstillinger for dette nettstedet, tillat kameraet, og prøv igjen.',
  deniedIos: 'Trykk på aA i adressefeltet, velg Nettstedinnstillinger, tillat kameraet, og prøv igjen.',
  deniedOther: 'Tillat kameraet for dette nettstedet i nettleserens innstillinger, og prøv igjen.',
  flowFailed: 'Bekreftelsen ble ikke lastet inn.',
  flowFailedHint: 'En nettleserutvidelse, en brannmur eller en proxy kan blokkere den.',
  handoffScan: 'Skann koden med telefonens kamera, eller kopier lenken og åpne den på telefonen. Den virker én gang, i noen få minutter.',
  handoffWaiting: 'Venter på telefonen…',
  handoffOpened: 'Åpnet på telefonen. Fullfør der: denne siden følger med.',
  handoffExpired: 'Lenken er utløpt.',
  qrLabel: 'QR-kode med lenken til telefonen',
  copyLink: 'Kopier lenke',
  linkCopied: 'Lenken er kopiert',
  newLink: 'Lag en ny lenke',
  cancel: 'Avbryt',
}

export default messages
