import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'スマートフォンで続ける',
  noCamera: 'このデバイスにカメラが見つかりません。',
  cameraDenied: 'このサイトではカメラがブロックされています。',
  deniedChromium: 'アドレスバーの左にあるアイコンを選び、カメラを許可してから再試行してください。',
  deniedFirefox: 'アドレスバーの斜線の入ったカメラのアイコンを選び、ブロックを解除してから再試行してください。',
  deniedSafari: 'Safari › このWebサイトの設定 を選び、カメラを許可してから再試行してください。',
  deniedIos: 'アドレスバーの aA をタップし、Webサイトの設定 を選んでカメラを許可してから再試行してください。',
  deniedOther: 'ブラウザの設定でこのサイトのカメラを許可してから再試行してください。',
  flowFailed: '本人確認を読み込めませんでした。',
  flowFailedHint: 'ブラウザの拡張機能、ファイアウォール、またはプロキシがブロックしている可能性があります。',
  handoffScan:
    'このコードをスマートフォンのカメラで読み取るか、リンクをコピーしてスマートフォンで開いてください。リンクは1回だけ、数分間有効です。',
  handoffWaiting: 'スマートフォンを待っています…',
  handoffOpened: 'スマートフォンで開かれました。そちらで完了してください。このページは自動で更新されます。',
  handoffExpired: 'このリンクは期限切れです。',
  qrLabel: 'スマートフォン用リンクのQRコード',
  copyLink: 'リンクをコピー',
  linkCopied: 'リンクをコピーしました',
  newLink: '新しいリンクを作成',
  cancel: 'キャンセル',
}

export default messages
