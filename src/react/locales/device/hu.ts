import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Folytatás telefonon',
  noCamera: 'Ezen az eszközön nem található kamera.',
  cameraDenied: 'A kamera le van tiltva ezen a webhelyen.',
  deniedChromium: 'Válassza a címsor bal oldalán lévő ikont, engedélyezze a kamerát, majd próbálja újra.',
  deniedFirefox: 'Válassza a címsorban az áthúzott kamera ikont, oldja fel a tiltást, majd próbálja újra.',
  deniedSafari: 'Válassza a Safari › Beállítások ehhez a webhelyhez menüt, engedélyezze a kamerát, majd próbálja újra.',
  deniedIos: 'Koppintson a címsorban az aA gombra, válassza a Webhelybeállítások lehetőséget, engedélyezze a kamerát, majd próbálja újra.',
  deniedOther: 'Engedélyezze a kamerát ehhez a webhelyhez a böngésző beállításaiban, majd próbálja újra.',
  flowFailed: 'Az ellenőrzés nem töltődött be.',
  flowFailedHint: 'Lehet, hogy egy böngészőbővítmény, tűzfal vagy proxy blokkolja.',
  handoffScan:
    'Olvassa be ezt a kódot a telefon kamerájával, vagy másolja ki a linket, és nyissa meg a telefonon. Egyszer működik, néhány percig.',
  handoffWaiting: 'Várakozás a telefonra…',
  handoffOpened: 'Megnyitva a telefonon. Fejezze be ott: ez az oldal magától követi.',
  handoffExpired: 'Ez a link lejárt.',
  qrLabel: 'QR-kód a telefonra szóló linkkel',
  copyLink: 'Link másolása',
  linkCopied: 'Link kimásolva',
  newLink: 'Új link létrehozása',
  cancel: 'Mégse',
}

export default messages
