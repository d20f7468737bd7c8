import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: '언어',
  testModeNote: '실제 인증은 이루어지지 않으며 어떤 결과도 반영되지 않습니다.',
  startingBody: '안전한 세션을 준비하는 중…',
  idleTitle: '준비되면 시작하세요',
  idleBody: '몇 초 동안 카메라를 바라보라는 안내가 나옵니다.',
  requiresInputBody: '아래 단계를 따라 주세요. 카메라는 이 확인에만 사용됩니다.',
  inProgressBody: '단계를 마칠 때까지 이 페이지를 열어 두세요.',
  processingBody: '보통 몇 초면 끝납니다. 이 페이지를 열어 두셔도 됩니다.',
  verifiedBody: '이 페이지를 닫고 처음 시작한 곳으로 돌아가셔도 됩니다.',
  failedBody: '본인임을 확인하지 못했습니다. 밝은 조명과 얼굴이 잘 보이는 환경이 도움이 됩니다.',
  canceledBody: '아무것도 확인되지 않았습니다. 준비되면 언제든 다시 시작할 수 있습니다.',
  expiredBody: '보안을 위해 세션은 짧은 시간 동안만 유지됩니다.',
  offlineTitle: '오프라인 상태입니다',
  offlineBody: '연결이 복구되는 대로 계속 진행합니다.',
  rateLimitedTitle: '잠시만 기다려 주세요',
  rateLimitedBody: '{seconds, plural, other {#초 후에 다시 시도합니다.}}',
  errorTitle: '문제가 발생했습니다',
  startAgain: '다시 시작',
  cancel: '취소',
  footer: '얼굴 확인은 {provider}에서 진행합니다. 이 페이지는 사용자의 이미지를 보지 않으며 결과만 받습니다.',
}

export default messages
