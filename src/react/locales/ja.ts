import type { Messages } from './en'

const messages: Messages = {
  start: '本人確認をする',
  starting: '開始しています…',
  retry: '再試行',
  close: '閉じる',
  dialogTitle: '本人確認',
  testMode: 'テストモード',
  requires_input: '開始を待っています',
  in_progress: '確認中です',
  processing: '結果を確認しています…',
  verified: '本人確認が完了しました',
  failed: '本人確認に失敗しました',
  canceled: '本人確認はキャンセルされました',
  expired: 'セッションの有効期限が切れました。最初からやり直してください。',
  errorNetwork: '確認サービスに接続できません。接続を確認して再試行してください。',
  errorRateLimited: '試行回数が多すぎます。しばらく待ってから再試行してください。',
  errorPopup: 'ブラウザが確認ウィンドウをブロックしました。ポップアップを許可して再試行してください。',
  errorGeneric: '確認中に問題が発生しました。もう一度お試しください。',
  verifiedButton: '本人確認済み',
  failedButton: '本人確認をもう一度試す',
  canceledButton: '本人確認をやり直す',
  expiredButton: '新しく本人確認を始める',
  failedHint: '明るい場所で、顔がはっきり映るようにすると確認しやすくなります。',
  flowLoading: '本人確認を読み込んでいます…',
}

export default messages
