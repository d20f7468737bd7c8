import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Continuer sur votre téléphone',
  noCamera: 'Aucune caméra n’a été trouvée sur cet appareil.',
  cameraDenied: 'La caméra est bloquée pour ce site.',
  deniedChromium: 'Sélectionnez l’icône à gauche de la barre d’adresse, autorisez la caméra, puis réessayez.',
  deniedFirefox: 'Sélectionnez l’icône de caméra barrée dans la barre d’adresse, levez le blocage, puis réessayez.',
  deniedSafari: 'Choisissez Safari › Réglages pour ce site web, autorisez la caméra, puis réessayez.',
  deniedIos: 'Touchez aA dans la barre d’adresse, choisissez Réglages du site web, autorisez la caméra, puis réessayez.',
  deniedOther: 'Autorisez la caméra pour ce site dans les réglages de votre navigateur, puis réessayez.',
  flowFailed: 'La vérification ne s’est pas chargée.',
  flowFailedHint: 'Une extension du navigateur, un pare-feu ou un proxy la bloque peut-être.',
  handoffScan:
    'Scannez ce code avec l’appareil photo de votre téléphone, ou copiez le lien et ouvrez-le sur votre téléphone. Il ne fonctionne qu’une fois, pendant quelques minutes.',
  handoffWaiting: 'En attente de votre téléphone…',
  handoffOpened: 'Ouvert sur votre téléphone. Terminez là-bas : cette page suit d’elle-même.',
  handoffExpired: 'Ce lien a expiré.',
  qrLabel: 'Code QR contenant le lien pour votre téléphone',
  copyLink: 'Copier le lien',
  linkCopied: 'Lien copié',
  newLink: 'Créer un nouveau lien',
  cancel: 'Annuler',
}

export default messages
