import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Tungumál',
  testModeNote: 'Engin raunveruleg auðkenning fer fram og engin niðurstaða gildir.',
  startingBody: 'Undirbý örugga lotu…',
  idleTitle: 'Byrjaðu þegar þér hentar',
  idleBody: 'Þú horfir í myndavélina í nokkrar sekúndur.',
  requiresInputBody: 'Fylgdu skrefunum hér fyrir neðan. Myndavélin er aðeins notuð fyrir þessa athugun.',
  inProgressBody: 'Hafðu þessa síðu opna á meðan þú klárar skrefin.',
  processingBody: 'Þetta tekur yfirleitt nokkrar sekúndur. Þú getur haft síðuna opna.',
  verifiedBody: 'Þú getur lokað þessari síðu og farið aftur þangað sem þú byrjaðir.',
  failedBody: 'Við gátum ekki staðfest að þetta værir þú. Góð lýsing og skýr sýn á andlitið hjálpa.',
  canceledBody: 'Ekkert var athugað. Þú getur byrjað aftur þegar þér hentar.',
  expiredBody: 'Af öryggisástæðum vara lotur aðeins í stuttan tíma.',
  offlineTitle: 'Engin nettenging',
  offlineBody: 'Við höldum áfram um leið og tengingin kemst aftur á.',
  rateLimitedTitle: 'Augnablik',
  rateLimitedBody: '{seconds, plural, one {Reynt aftur eftir # sekúndu.} other {Reynt aftur eftir # sekúndur.}}',
  errorTitle: 'Eitthvað fór úrskeiðis',
  startAgain: 'Byrja aftur',
  cancel: 'Hætta við',
  footer: '{provider} staðfestir andlit þitt. Þessi síða sér aldrei myndirnar þínar, aðeins niðurstöðuna.',
}

export default messages
