import type { Messages } from './en'

const messages: Messages = {
  start: 'Verifique sua identidade',
  starting: 'Iniciando…',
  retry: 'Tentar novamente',
  close: 'Fechar',
  dialogTitle: 'Verificação de identidade',
  testMode: 'Modo de teste',
  requires_input: 'Aguardando você começar',
  in_progress: 'Verificação em andamento',
  processing: 'Verificando seu resultado…',
  verified: 'Você está verificado',
  failed: 'A verificação falhou',
  canceled: 'Verificação cancelada',
  expired: 'A sessão expirou. Comece novamente.',
  errorNetwork: 'Não foi possível acessar o serviço de verificação. Verifique sua conexão e tente novamente.',
  errorRateLimited: 'Muitas tentativas. Aguarde um momento e tente novamente.',
  errorPopup: 'Seu navegador bloqueou a janela de verificação. Permita pop-ups e tente novamente.',
  errorGeneric: 'Algo deu errado na verificação. Tente novamente.',
  verifiedButton: 'Identity verified',
  failedButton: 'Try verification again',
  canceledButton: 'Start verification again',
  expiredButton: 'Start a new verification',
  failedHint: 'Good light and a clear view of your face help.',
  flowLoading: 'Loading the verification…',
}

export default messages
