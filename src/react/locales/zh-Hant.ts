import type { Messages } from './en'

const messages: Messages = {
  start: '驗證您的身分',
  starting: '正在開始…',
  retry: '再試一次',
  close: '關閉',
  dialogTitle: '身分驗證',
  testMode: '測試模式',
  requires_input: '等待您開始',
  in_progress: '驗證進行中',
  processing: '正在確認結果…',
  verified: '您已通過驗證',
  failed: '驗證失敗',
  canceled: '驗證已取消',
  expired: '工作階段已過期，請重新開始。',
  errorNetwork: '無法連線。請檢查網路連線後再試一次。',
  errorRateLimited: '嘗試次數過多。請稍候再試。',
  errorPopup: '驗證視窗遭到封鎖。請允許彈出式視窗後再試一次。',
  errorGeneric: '發生錯誤，請再試一次。',
  verifiedButton: '身分已驗證',
  failedButton: '再試一次驗證',
  canceledButton: '重新開始驗證',
  expiredButton: '開始新的驗證',
  failedHint: '充足的光線和清楚的臉部畫面會有幫助。',
  flowLoading: '正在載入驗證…',
}

export default messages
