import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Idioma',
  testModeNote: 'No se realiza ninguna verificación real y ningún resultado cuenta.',
  startingBody: 'Preparando una sesión segura…',
  idleTitle: 'Cuando quieras',
  idleBody: 'Se te pedirá que mires a la cámara durante unos segundos.',
  requiresInputBody: 'Sigue los pasos de abajo. Tu cámara solo se usa para esta comprobación.',
  inProgressBody: 'Mantén esta página abierta mientras terminas los pasos.',
  processingBody: 'Suele tardar unos segundos. Puedes mantener esta página abierta.',
  verifiedBody: 'Puedes cerrar esta página y volver a donde empezaste.',
  failedBody: 'No pudimos confirmar que eras tú. Ayudan una buena luz y una vista clara de tu cara.',
  canceledBody: 'No se comprobó nada. Puedes volver a empezar cuando quieras.',
  expiredBody: 'Por tu seguridad, las sesiones duran poco tiempo.',
  offlineTitle: 'Estás sin conexión',
  offlineBody: 'Continuaremos en cuanto vuelva tu conexión.',
  rateLimitedTitle: 'Espera un momento',
  rateLimitedBody: '{seconds, plural, one {Reintentando en # segundo.} other {Reintentando en # segundos.}}',
  errorTitle: 'Algo salió mal',
  startAgain: 'Empezar de nuevo',
  cancel: 'Cancelar',
  footer: '{provider} comprueba tu cara. Esta página nunca ve tus imágenes, solo el resultado.',
}

export default messages
