import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Idioma',
  testModeNote: 'Nenhuma verificação real acontece e nenhum resultado conta.',
  startingBody: 'Preparando uma sessão segura…',
  idleTitle: 'Quando você quiser',
  idleBody: 'Você vai olhar para a câmera por alguns segundos.',
  requiresInputBody: 'Siga os passos abaixo. Sua câmera é usada só para esta verificação.',
  inProgressBody: 'Mantenha esta página aberta enquanto conclui os passos.',
  processingBody: 'Isso costuma levar alguns segundos. Você pode manter esta página aberta.',
  verifiedBody: 'Você pode fechar esta página e voltar para onde começou.',
  failedBody: 'Não conseguimos confirmar que era você. Boa iluminação e o rosto bem visível ajudam.',
  canceledBody: 'Nada foi verificado. Você pode recomeçar quando quiser.',
  expiredBody: 'Para sua segurança, as sessões duram pouco tempo.',
  offlineTitle: 'Você está offline',
  offlineBody: 'Continuaremos assim que sua conexão voltar.',
  rateLimitedTitle: 'Aguarde um momento',
  rateLimitedBody: '{seconds, plural, one {Nova tentativa em # segundo.} other {Nova tentativa em # segundos.}}',
  errorTitle: 'Algo deu errado',
  startAgain: 'Recomeçar',
  cancel: 'Cancelar',
  footer: 'Seu rosto é verificado por {provider}. Esta página nunca vê suas imagens, só o resultado.',
}

export default messages
