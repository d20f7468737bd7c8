import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Jezik',
  testModeNote: 'Pravo preverjanje se ne izvaja in noben rezultat ne šteje.',
  startingBody: 'Pripravljamo varno sejo…',
  idleTitle: 'Začnite, ko boste pripravljeni',
  idleBody: 'Nekaj sekund boste gledali v kamero.',
  requiresInputBody: 'Sledite spodnjim korakom. Kamera se uporablja samo za to preverjanje.',
  inProgressBody: 'Pustite to stran odprto, dokler ne končate korakov.',
  processingBody: 'To običajno traja nekaj sekund. Stran lahko pustite odprto.',
  verifiedBody: 'To stran lahko zaprete in se vrnete tja, kjer ste začeli.',
  failedBody: 'Nismo mogli potrditi, da ste to vi. Pomagata dobra svetloba in jasen pogled na obraz.',
  canceledBody: 'Nič ni bilo preverjeno. Znova lahko začnete, kadar koli želite.',
  expiredBody: 'Zaradi vaše varnosti seje trajajo le kratek čas.',
  offlineTitle: 'Niste povezani',
  offlineBody: 'Nadaljevali bomo takoj, ko bo povezava znova vzpostavljena.',
  rateLimitedTitle: 'Počakajte trenutek',
  rateLimitedBody:
    '{seconds, plural, one {Nov poskus čez # sekundo.} two {Nov poskus čez # sekundi.} few {Nov poskus čez # sekunde.} other {Nov poskus čez # sekund.}}',
  errorTitle: 'Prišlo je do napake',
  startAgain: 'Začni znova',
  cancel: 'Prekliči',
  footer: 'Vaš obraz preverja {provider}. Ta stran nikoli ne vidi vaših slik, le rezultat.',
  handoffTakenTitle: 'Že odprto v drugi napravi',
  handoffTakenBody: 'Ta povezava deluje samo v eni napravi. Za nadaljevanje ustvarite novo povezavo v računalniku.',
  handoffExpiredTitle: 'Ta povezava je potekla',
  handoffExpiredBody: 'Povezave delujejo nekaj minut. V računalniku ustvarite novo.',
  handoffInvalidTitle: 'Ta povezava ne deluje',
  handoffInvalidBody: 'Morda je nepopolna ali pa jo je nadomestila novejša povezava. V računalniku ustvarite novo.',
  handoffEndedTitle: 'To preverjanje se je končalo',
  handoffEndedBody: 'Vrnite se k računalniku, da vidite rezultat ali začnete znova.',
  phoneDoneBody: 'Zdaj se lahko vrnete k računalniku: tudi tam je prikazan rezultat.',
  phoneRetryBody: 'Vrnite se k računalniku in poskusite znova.',
  phoneNoCameraBody: 'Tudi ta naprava nima uporabne kamere. Povezavo odprite v drugem telefonu.',
}

export default messages
