import type { Messages } from './en'

const messages: Messages = {
  start: '验证您的身份',
  starting: '正在启动…',
  retry: '重试',
  close: '关闭',
  dialogTitle: '身份验证',
  testMode: '测试模式',
  requires_input: '等待您开始',
  in_progress: '正在验证',
  processing: '正在核对结果…',
  verified: '您已通过验证',
  failed: '验证失败',
  canceled: '验证已取消',
  expired: '会话已过期，请重新开始。',
  errorNetwork: '无法连接验证服务。请检查网络后重试。',
  errorRateLimited: '尝试次数过多。请稍候再试。',
  errorPopup: '浏览器拦截了验证窗口。请允许弹出窗口后重试。',
  errorGeneric: '验证出现问题，请重试。',
  verifiedButton: '身份已验证',
  failedButton: '重新尝试验证',
  canceledButton: '重新开始验证',
  expiredButton: '开始新的验证',
  failedHint: '充足的光线和清晰的面部有助于验证。',
  flowLoading: '正在加载验证…',
}

export default messages
