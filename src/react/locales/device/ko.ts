import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: '휴대폰에서 계속하기',
  noCamera: '이 기기에서 카메라를 찾을 수 없습니다.',
  cameraDenied: '이 사이트에서 카메라가 차단되어 있습니다.',
  deniedChromium: '주소 표시줄 왼쪽의 아이콘을 선택하고 카메라를 허용한 후 다시 시도하세요.',
  deniedFirefox: '주소 표시줄에서 줄이 그어진 카메라 아이콘을 선택하고 차단을 해제한 후 다시 시도하세요.',
  deniedSafari: 'Safari › 이 웹 사이트 설정을 선택하고 카메라를 허용한 후 다시 시도하세요.',
  deniedIos: '주소 표시줄에서 aA를 탭하고 웹 사이트 설정을 선택한 다음 카메라를 허용한 후 다시 시도하세요.',
  deniedOther: '브라우저 설정에서 이 사이트의 카메라를 허용한 후 다시 시도하세요.',
  flowFailed: '인증 화면을 불러오지 못했습니다.',
  flowFailedHint: '브라우저 확장 프로그램, 방화벽 또는 프록시가 차단하고 있을 수 있습니다.',
  handoffScan: '휴대폰 카메라로 이 코드를 스캔하거나, 링크를 복사해 휴대폰에서 여세요. 링크는 한 번만, 몇 분 동안 사용할 수 있습니다.',
  handoffWaiting: '휴대폰을 기다리는 중…',
  handoffOpened: '휴대폰에서 열렸습니다. 그곳에서 마치세요. 이 페이지는 자동으로 따라갑니다.',
  handoffExpired: '이 링크는 만료되었습니다.',
  qrLabel: '휴대폰용 링크가 담긴 QR 코드',
  copyLink: '링크 복사',
  linkCopied: '링크를 복사했습니다',
  newLink: '새 링크 만들기',
  cancel: '취소',
}

export default messages
