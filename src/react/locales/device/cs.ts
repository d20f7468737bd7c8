import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Pokračovat v telefonu',
  noCamera: 'Na tomto zařízení nebyla nalezena žádná kamera.',
  cameraDenied: 'Kamera je pro tento web zablokovaná.',
  deniedChromium: 'Vyberte ikonu vlevo od adresního řádku, povolte kameru a zkuste to znovu.',
  deniedFirefox: 'Vyberte přeškrtnutou ikonu kamery v adresním řádku, zrušte blokování a zkuste to znovu.',
  deniedSafari: 'Zvolte Safari › Nastavení pro tento web, povolte kameru a zkuste to znovu.',
  deniedIos: 'Klepněte na aA v adresním řádku, zvolte Nastavení webu, povolte kameru a zkuste to znovu.',
  deniedOther: 'Povolte kameru pro tento web v nastavení prohlížeče a zkuste to znovu.',
  flowFailed: 'Ověření se nenačetlo.',
  flowFailedHint: 'Může ho blokovat rozšíření prohlížeče, firewall nebo proxy.',
  handoffScan:
    'Naskenujte tento kód fotoaparátem telefonu, nebo zkopírujte odkaz a otevřete ho v telefonu. Funguje jednou, po několik minut.',
  handoffWaiting: 'Čeká se na telefon…',
  handoffOpened: 'Otevřeno v telefonu. Dokončete to tam: tato stránka se aktualizuje sama.',
  handoffExpired: 'Platnost odkazu vypršela.',
  qrLabel: 'QR kód s odkazem pro telefon',
  copyLink: 'Kopírovat odkaz',
  linkCopied: 'Odkaz zkopírován',
  newLink: 'Vytvořit nový odkaz',
  cancel: 'Zrušit',
}

export default messages
