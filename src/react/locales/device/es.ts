import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Continuar en tu teléfono',
  noCamera: 'No se encontró ninguna cámara en este dispositivo.',
  cameraDenied: 'La cámara está bloqueada para este sitio.',
  deniedChromium: 'Selecciona el icono a la izquierda de la barra de direcciones, permite la cámara y vuelve a intentarlo.',
  deniedFirefox: 'Selecciona el icono de cámara tachado en la barra de direcciones, quita el bloqueo y vuelve a intentarlo.',
  deniedSafari: 'Elige Safari › Ajustes de este sitio web, permite la cámara y vuelve a intentarlo.',
  deniedIos: 'Toca aA en la barra de direcciones, elige Ajustes del sitio web, permite la cámara y vuelve a intentarlo.',
  deniedOther: 'Permite la cámara para este sitio en los ajustes del navegador y vuelve a intentarlo.',
  flowFailed: 'La verificación no se cargó.',
  flowFailedHint: 'Es posible que una extensión del navegador, un cortafuegos o un proxy la estén bloqueando.',
  handoffScan:
    'Escanea este código con la cámara de tu teléfono, o copia el enlace y ábrelo en tu teléfono. Funciona una sola vez, durante unos minutos.',
  handoffWaiting: 'Esperando a tu teléfono…',
  handoffOpened: 'Abierto en tu teléfono. Termina allí: esta página se actualiza sola.',
  handoffExpired: 'Este enlace ha caducado.',
  qrLabel: 'Código QR con el enlace para tu teléfono',
  copyLink: 'Copiar enlace',
  linkCopied: 'Enlace copiado',
  newLink: 'Crear un enlace nuevo',
  cancel: 'Cancelar',
}

export default messages
