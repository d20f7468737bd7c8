import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: '在手機上繼續',
  noCamera: '在這部裝置上找不到相機。',
  cameraDenied: '此網站的相機已遭封鎖。',
  deniedChromium: '選取網址列左側的圖示，允許使用相機，然後再試一次。',
  deniedFirefox: '選取網址列中劃有斜線的相機圖示，解除封鎖，然後再試一次。',
  deniedSafari: '選擇 Safari › 此網站的設定，允許使用相機，然後再試一次。',
  deniedIos: '點一下網址列中的 aA，選擇「網站設定」，允許使用相機，然後再試一次。',
  deniedOther: '在瀏覽器設定中允許此網站使用相機，然後再試一次。',
  flowFailed: '驗證無法載入。',
  flowFailedHint: '可能是瀏覽器擴充功能、防火牆或代理伺服器封鎖了它。',
  handoffScan: '用手機相機掃描這個 QR 碼，或複製連結並在手機上開啟。連結只能使用一次，效期幾分鐘。',
  handoffWaiting: '正在等待你的手機…',
  handoffOpened: '已在手機上開啟。請在手機上完成：此頁面會自動同步。',
  handoffExpired: '這個連結已過期。',
  qrLabel: '含有手機連結的 QR 碼',
  copyLink: '複製連結',
  linkCopied: '已複製連結',
  newLink: '建立新連結',
  cancel: '取消',
}

export default messages
