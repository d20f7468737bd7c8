import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: '語言',
  testModeNote: '不會進行真正的驗證，任何結果都不算數。',
  startingBody: '正在準備安全的工作階段…',
  idleTitle: '準備好就可以開始',
  idleBody: '系統會請您注視鏡頭幾秒鐘。',
  requiresInputBody: '請依照下方步驟操作。您的鏡頭只會用於這次驗證。',
  inProgressBody: '完成步驟前，請保持此頁面開啟。',
  processingBody: '通常只需要幾秒鐘。您可以讓此頁面保持開啟。',
  verifiedBody: '您可以關閉此頁面，回到一開始的地方。',
  failedBody: '我們無法確認是您本人。充足的光線和清楚的臉部畫面會有幫助。',
  canceledBody: '沒有進行任何檢查。您隨時可以重新開始。',
  expiredBody: '為了保障您的安全，工作階段的有效時間很短。',
  offlineTitle: '您目前離線',
  offlineBody: '連線恢復後我們就會繼續。',
  rateLimitedTitle: '請稍候',
  rateLimitedBody: '{seconds, plural, other {# 秒後重試。}}',
  errorTitle: '發生錯誤',
  startAgain: '重新開始',
  cancel: '取消',
  footer: '您的臉部由 {provider} 驗證。此頁面不會看到您的影像，只會收到結果。',
}

export default messages
