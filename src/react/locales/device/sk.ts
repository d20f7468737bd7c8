import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Pokračovať v telefóne',
  noCamera: 'Na tomto zariadení sa nenašla žiadna kamera.',
  cameraDenied: 'Kamera je pre tento web zablokovaná.',
  deniedChromium: 'Vyberte ikonu vľavo od panela s adresou, povoľte kameru a skúste to znova.',
  deniedFirefox: 'Vyberte prečiarknutú ikonu kamery v paneli s adresou, zrušte blokovanie a skúste to znova.',
  deniedSafari: 'Zvoľte Safari › Nastavenia pre túto webovú stránku, povoľte kameru a skúste to znova.',
  deniedIos: 'Ťuknite na aA v paneli s adresou, zvoľte Nastavenia webovej stránky, povoľte kameru a skúste to znova.',
  deniedOther: 'Povoľte kameru pre tento web v nastaveniach prehliadača a skúste to znova.',
  flowFailed: 'Overenie sa nenačítalo.',
  flowFailedHint: 'Môže ho blokovať rozšírenie prehliadača, firewall alebo proxy.',
  handoffScan: 'Naskenujte tento kód fotoaparátom telefónu alebo skopírujte odkaz a otvorte ho v telefóne. Funguje raz, niekoľko minút.',
  handoffWaiting: 'Čaká sa na telefón…',
  handoffOpened: 'Otvorené v telefóne. Dokončite to tam: táto stránka sa aktualizuje sama.',
  handoffExpired: 'Platnosť odkazu vypršala.',
  qrLabel: 'QR kód s odkazom pre telefón',
  copyLink: 'Kopírovať odkaz',
  linkCopied: 'Odkaz skopírovaný',
  newLink: 'Vytvoriť nový odkaz',
  cancel: 'Zrušiť',
}

export default messages
