import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Taal',
  testModeNote: 'Er vindt geen echte verificatie plaats en geen enkel resultaat telt.',
  startingBody: 'Een beveiligde sessie wordt voorbereid…',
  idleTitle: 'Begin wanneer je klaar bent',
  idleBody: 'Je wordt gevraagd een paar seconden in je camera te kijken.',
  requiresInputBody: 'Volg de stappen hieronder. Je camera wordt alleen voor deze controle gebruikt.',
  inProgressBody: 'Houd deze pagina open terwijl je de stappen afrondt.',
  processingBody: 'Dit duurt meestal een paar seconden. Je kunt deze pagina open laten.',
  verifiedBody: 'Je kunt deze pagina sluiten en teruggaan naar waar je begon.',
  failedBody: 'We konden niet bevestigen dat jij het was. Goed licht en een duidelijk zicht op je gezicht helpen.',
  canceledBody: 'Er is niets gecontroleerd. Je kunt opnieuw beginnen wanneer je wilt.',
  expiredBody: 'Voor je veiligheid duren sessies maar kort.',
  offlineTitle: 'Je bent offline',
  offlineBody: 'We gaan verder zodra je verbinding terug is.',
  rateLimitedTitle: 'Even geduld',
  rateLimitedBody: '{seconds, plural, one {Nieuwe poging over # seconde.} other {Nieuwe poging over # seconden.}}',
  errorTitle: 'Er is iets misgegaan',
  startAgain: 'Opnieuw beginnen',
  cancel: 'Annuleren',
  footer: 'Je gezicht wordt gecontroleerd door {provider}. Deze pagina ziet je beelden nooit, alleen het resultaat.',
}

export default messages
