import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: '语言',
  testModeNote: '不会进行真实验证，任何结果都不计入。',
  startingBody: '正在准备安全会话…',
  idleTitle: '准备好了就开始',
  idleBody: '您需要看着摄像头几秒钟。',
  requiresInputBody: '请按照下方步骤操作。摄像头仅用于本次验证。',
  inProgressBody: '完成步骤前请保持此页面打开。',
  processingBody: '通常只需几秒钟。您可以保持此页面打开。',
  verifiedBody: '您可以关闭此页面，返回开始的地方。',
  failedBody: '我们无法确认是您本人。充足的光线和清晰的面部有助于验证。',
  canceledBody: '没有进行任何验证。您可以随时重新开始。',
  expiredBody: '为了您的安全，会话的有效时间很短。',
  offlineTitle: '您已离线',
  offlineBody: '网络恢复后我们会继续。',
  rateLimitedTitle: '请稍候',
  rateLimitedBody: '{seconds, plural, other {# 秒后重试。}}',
  errorTitle: '出现问题',
  startAgain: '重新开始',
  cancel: '取消',
  footer: '您的面部由 {provider} 验证。此页面不会看到您的图像，只会收到结果。',
}

export default messages
