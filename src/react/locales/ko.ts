import type { Messages } from './en'

const messages: Messages = {
  start: '본인 인증하기',
  starting: '시작하는 중…',
  retry: '다시 시도',
  close: '닫기',
  dialogTitle: '본인 인증',
  testMode: '테스트 모드',
  requires_input: '시작을 기다리는 중',
  in_progress: '인증 진행 중',
  processing: '결과를 확인하는 중…',
  verified: '인증되었습니다',
  failed: '인증에 실패했습니다',
  canceled: '인증이 취소되었습니다',
  expired: '세션이 만료되었습니다. 다시 시작해 주세요.',
  errorNetwork: '연결할 수 없습니다. 연결 상태를 확인하고 다시 시도해 주세요.',
  errorRateLimited: '시도 횟수가 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  errorPopup: '인증 창이 차단되었습니다. 팝업을 허용하고 다시 시도해 주세요.',
  errorGeneric: '문제가 발생했습니다. 다시 시도해 주세요.',
  verifiedButton: '본인 인증 완료',
  failedButton: '인증 다시 시도',
  canceledButton: '인증 다시 시작',
  expiredButton: '새 인증 시작',
  failedHint: '밝은 조명과 얼굴이 잘 보이는 환경이 도움이 됩니다.',
  flowLoading: '인증을 불러오는 중…',
}

export default messages
