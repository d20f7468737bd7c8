import type { Messages } from './en'

const messages: Messages = {
  start: 'Verifica tu identidad',
  starting: 'Iniciando…',
  retry: 'Reintentar',
  close: 'Cerrar',
  dialogTitle: 'Verificación de identidad',
  testMode: 'Modo de prueba',
  requires_input: 'Esperando a que empieces',
  in_progress: 'Verificación en curso',
  processing: 'Comprobando tu resultado…',
  verified: 'Estás verificado',
  failed: 'La verificación falló',
  canceled: 'Verificación cancelada',
  expired: 'La sesión caducó. Vuelve a empezar.',
  errorNetwork: 'No se pudo contactar con el servicio de verificación. Revisa tu conexión e inténtalo de nuevo.',
  errorRateLimited: 'Demasiados intentos. Espera un momento e inténtalo de nuevo.',
  errorPopup: 'Tu navegador bloqueó la ventana de verificación. Permite las ventanas emergentes e inténtalo de nuevo.',
  errorGeneric: 'Algo salió mal con la verificación. Inténtalo de nuevo.',
  verifiedButton: 'Identidad verificada',
  failedButton: 'Volver a intentar la verificación',
  canceledButton: 'Empezar la verificación de nuevo',
  expiredButton: 'Empezar una nueva verificación',
  failedHint: 'Ayuda tener buena luz y la cara bien visible.',
  flowLoading: 'Cargando la verificación…',
}

export default messages
