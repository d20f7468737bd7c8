import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: '在手机上继续',
  noCamera: '此设备上未找到摄像头。',
  cameraDenied: '此网站的摄像头已被阻止。',
  deniedChromium: '选择地址栏左侧的图标，允许使用摄像头，然后重试。',
  deniedFirefox: '选择地址栏中带斜线的摄像头图标，解除阻止，然后重试。',
  deniedSafari: '选择 Safari › 此网站的设置，允许使用摄像头，然后重试。',
  deniedIos: '轻点地址栏中的 aA，选择“网站设置”，允许使用摄像头，然后重试。',
  deniedOther: '在浏览器设置中允许此网站使用摄像头，然后重试。',
  flowFailed: '验证未能加载。',
  flowFailedHint: '可能是浏览器扩展、防火墙或代理阻止了它。',
  handoffScan: '用手机摄像头扫描此二维码，或复制链接并在手机上打开。该链接只能使用一次，有效期几分钟。',
  handoffWaiting: '正在等待你的手机…',
  handoffOpened: '已在手机上打开。请在手机上完成：此页面会自动同步。',
  handoffExpired: '此链接已过期。',
  qrLabel: '包含手机链接的二维码',
  copyLink: '复制链接',
  linkCopied: '链接已复制',
  newLink: '生成新链接',
  cancel: '取消',
}

export default messages
