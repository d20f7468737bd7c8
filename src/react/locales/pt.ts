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
  verifiedButton: 'Identidade verificada',
  failedButton: 'Tentar a verificação de novo',
  canceledButton: 'Recomeçar a verificação',
  expiredButton: 'Iniciar uma nova verificação',
  failedHint: 'Boa iluminação e o rosto bem visível ajudam.',
  flowLoading: 'Carregando a verificação…',
}

export default messages
