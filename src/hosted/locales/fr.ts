import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Langue',
  testModeNote: 'Aucune vérification réelle n’a lieu et aucun résultat ne compte.',
  startingBody: 'Préparation d’une session sécurisée…',
  idleTitle: 'Quand vous voulez',
  idleBody: 'Il vous sera demandé de regarder votre caméra pendant quelques secondes.',
  requiresInputBody: 'Suivez les étapes ci-dessous. Votre caméra ne sert qu’à cette vérification.',
  inProgressBody: 'Gardez cette page ouverte pendant que vous terminez les étapes.',
  processingBody: 'Cela prend généralement quelques secondes. Vous pouvez garder cette page ouverte.',
  verifiedBody: 'Vous pouvez fermer cette page et revenir là où vous avez commencé.',
  failedBody: 'Nous n’avons pas pu confirmer qu’il s’agissait de vous. Une bonne lumière et un visage bien visible aident.',
  canceledBody: 'Rien n’a été vérifié. Vous pouvez recommencer quand vous voulez.',
  expiredBody: 'Pour votre sécurité, les sessions durent peu de temps.',
  offlineTitle: 'Vous êtes hors ligne',
  offlineBody: 'Nous reprendrons dès que votre connexion sera rétablie.',
  rateLimitedTitle: 'Veuillez patienter un instant',
  rateLimitedBody: '{seconds, plural, one {Nouvel essai dans # seconde.} other {Nouvel essai dans # secondes.}}',
  errorTitle: 'Un problème est survenu',
  startAgain: 'Recommencer',
  cancel: 'Annuler',
  footer: 'Votre visage est vérifié par {provider}. Cette page ne voit jamais vos images, seulement le résultat.',
}

export default messages
