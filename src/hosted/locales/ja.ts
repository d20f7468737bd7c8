import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: '言語',
  testModeNote: '実際の確認は行われず、結果は無効です。',
  startingBody: '安全なセッションを準備しています…',
  idleTitle: '準備ができたら始めましょう',
  idleBody: '数秒間カメラを見ていただきます。',
  requiresInputBody: '下の手順に従ってください。カメラはこの確認にのみ使われます。',
  inProgressBody: '手順が終わるまでこのページを開いたままにしてください。',
  processingBody: '通常は数秒で終わります。このページは開いたままで大丈夫です。',
  verifiedBody: 'このページを閉じて、元の画面に戻れます。',
  failedBody: 'ご本人であることを確認できませんでした。明るい場所で顔がはっきり映るようにしてください。',
  canceledBody: '何も確認されていません。いつでもやり直せます。',
  expiredBody: '安全のため、セッションの有効期間は短く設定されています。',
  offlineTitle: 'オフラインです',
  offlineBody: '接続が戻りしだい続行します。',
  rateLimitedTitle: '少しお待ちください',
  rateLimitedBody: '{seconds, plural, other {# 秒後に再試行します。}}',
  errorTitle: '問題が発生しました',
  startAgain: 'やり直す',
  cancel: 'キャンセル',
  footer: '顔の確認は {provider} が行います。このページが画像を見ることはなく、結果のみを受け取ります。',
}

export default messages
