import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Nyelv',
  testModeNote: 'Valódi ellenőrzés nem történik, és semmilyen eredmény nem számít.',
  startingBody: 'Biztonságos munkamenet előkészítése…',
  idleTitle: 'Kezdje, amikor készen áll',
  idleBody: 'Néhány másodpercig a kamerába kell majd néznie.',
  requiresInputBody: 'Kövesse az alábbi lépéseket. A kamerát csak ehhez az ellenőrzéshez használjuk.',
  inProgressBody: 'Tartsa nyitva ezt az oldalt, amíg befejezi a lépéseket.',
  processingBody: 'Ez általában néhány másodpercig tart. Nyitva hagyhatja az oldalt.',
  verifiedBody: 'Bezárhatja ezt az oldalt, és visszatérhet oda, ahonnan elindult.',
  failedBody: 'Nem tudtuk megerősíteni, hogy Ön az. A jó megvilágítás és a jól látható arc segít.',
  canceledBody: 'Semmit sem ellenőriztünk. Bármikor újrakezdheti.',
  expiredBody: 'Biztonsága érdekében a munkamenetek rövid ideig tartanak.',
  offlineTitle: 'Nincs internetkapcsolat',
  offlineBody: 'Amint helyreáll a kapcsolat, folytatjuk.',
  rateLimitedTitle: 'Kis türelmet',
  rateLimitedBody: '{seconds, plural, one {Újrapróbálkozás # másodperc múlva.} other {Újrapróbálkozás # másodperc múlva.}}',
  errorTitle: 'Hiba történt',
  startAgain: 'Újrakezdés',
  cancel: 'Mégse',
  footer: 'Az arcát a(z) {provider} ellenőrzi. Ez az oldal soha nem látja a képeit, csak az eredményt.',
}

export default messages
