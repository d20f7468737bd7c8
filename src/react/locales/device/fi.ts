import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Jatka puhelimella',
  noCamera: 'Tästä laitteesta ei löytynyt kameraa.',
  cameraDenied: 'Kamera on estetty tällä sivustolla.',
  deniedChromium: 'Valitse osoitepalkin vasemmalla puolella oleva kuvake, salli kamera ja yritä uudelleen.',
  deniedFirefox: 'Valitse osoitepalkin yliviivattu kamerakuvake, poista esto ja yritä uudelleen.',
  deniedSafari: 'Valitse Safari › Tämän verkkosivuston asetukset, salli kamera ja yritä uudelleen.',
  deniedIos: 'Napauta osoitepalkin aA-painiketta, valitse Verkkosivuston asetukset, salli kamera ja yritä uudelleen.',
  deniedOther: 'Salli kamera tälle sivustolle selaimen asetuksissa ja yritä uudelleen.',
  flowFailed: 'Tunnistus ei latautunut.',
  flowFailedHint: 'Selainlaajennus, palomuuri tai välityspalvelin voi estää sen.',
  handoffScan: 'Skannaa koodi puhelimen kameralla tai kopioi linkki ja avaa se puhelimessa. Se toimii kerran ja vain muutaman minuutin.',
  handoffWaiting: 'Odotetaan puhelinta…',
  handoffOpened: 'Avattu puhelimessa. Viimeistele siellä: tämä sivu päivittyy itsestään.',
  handoffExpired: 'Linkki on vanhentunut.',
  qrLabel: 'QR-koodi, jossa on linkki puhelimeesi',
  copyLink: 'Kopioi linkki',
  linkCopied: 'Linkki kopioitu',
  newLink: 'Luo uusi linkki',
  cancel: 'Peruuta',
}

export default messages
