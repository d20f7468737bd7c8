import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Kieli',
  testModeNote: 'Todellista vahvistusta ei tehdä, eikä mikään tulos ole pätevä.',
  startingBody: 'Valmistellaan suojattua istuntoa…',
  idleTitle: 'Aloita, kun olet valmis',
  idleBody: 'Sinua pyydetään katsomaan kameraan muutaman sekunnin ajan.',
  requiresInputBody: 'Seuraa alla olevia vaiheita. Kameraasi käytetään vain tähän tarkistukseen.',
  inProgressBody: 'Pidä tämä sivu auki, kunnes olet käynyt vaiheet läpi.',
  processingBody: 'Tämä kestää yleensä muutaman sekunnin. Voit pitää sivun auki.',
  verifiedBody: 'Voit sulkea tämän sivun ja palata sinne, mistä aloitit.',
  failedBody: 'Emme voineet varmistaa, että kyseessä olit sinä. Hyvä valaistus ja kasvojen selkeä näkyvyys auttavat.',
  canceledBody: 'Mitään ei tarkistettu. Voit aloittaa uudelleen, kun olet valmis.',
  expiredBody: 'Turvallisuutesi vuoksi istunnot ovat lyhytkestoisia.',
  offlineTitle: 'Olet offline-tilassa',
  offlineBody: 'Jatkamme heti, kun yhteys palaa.',
  rateLimitedTitle: 'Odota hetki',
  rateLimitedBody: '{seconds, plural, one {Yritetään uudelleen # sekunnin kuluttua.} other {Yritetään uudelleen # sekunnin kuluttua.}}',
  errorTitle: 'Jokin meni vikaan',
  startAgain: 'Aloita alusta',
  cancel: 'Peruuta',
  footer: 'Kasvosi tarkistaa {provider}. Tämä sivu ei koskaan näe kuviasi, vain tuloksen.',
}

export default messages
