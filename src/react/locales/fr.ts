import type { Messages } from './en'

const messages: Messages = {
  start: 'Vérifier votre identité',
  starting: 'Démarrage…',
  retry: 'Réessayer',
  close: 'Fermer',
  dialogTitle: 'Vérification d’identité',
  testMode: 'Mode test',
  requires_input: 'En attente de votre début',
  in_progress: 'Vérification en cours',
  processing: 'Analyse de votre résultat…',
  verified: 'Vous êtes vérifié',
  failed: 'La vérification a échoué',
  canceled: 'Vérification annulée',
  expired: 'La session a expiré. Veuillez recommencer.',
  errorNetwork: 'Impossible de joindre le service de vérification. Vérifiez votre connexion et réessayez.',
  errorRateLimited: 'Trop de tentatives. Patientez un instant et réessayez.',
  errorPopup: 'Votre navigateur a bloqué la fenêtre de vérification. Autorisez les fenêtres contextuelles et réessayez.',
  errorGeneric: 'Un problème est survenu pendant la vérification. Veuillez réessayer.',
  verifiedButton: 'Identité vérifiée',
  failedButton: 'Réessayer la vérification',
  canceledButton: 'Recommencer la vérification',
  expiredButton: 'Commencer une nouvelle vérification',
  failedHint: 'Un bon éclairage et un visage bien visible aident.',
  flowLoading: 'Chargement de la vérification…',
}

export default messages
