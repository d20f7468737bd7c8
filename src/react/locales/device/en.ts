/**
 * The English of what the widget shows instead of the flow: a blocked camera, a flow that did not load,
 * "continue on your phone". A chunk of its own (one per locale), loaded only when one of these shows.
 */
const en = {
  phoneOption: 'Continue on your phone',
  noCamera: 'No camera was found on this device.',
  cameraDenied: 'The camera is blocked for this site.',
  deniedChromium: 'Select the icon at the left of the address bar, allow the camera, then try again.',
  deniedFirefox: 'Select the crossed-out camera icon in the address bar, remove the block, then try again.',
  deniedSafari: 'Choose Safari › Settings for this website, allow the camera, then try again.',
  deniedIos: 'Tap aA in the address bar, choose Website Settings, allow the camera, then try again.',
  deniedOther: 'Allow the camera for this site in your browser’s settings, then try again.',
  flowFailed: 'The verification did not load.',
  flowFailedHint: 'A browser extension, a firewall or a proxy may be blocking it.',
  handoffScan: 'Scan this code with your phone’s camera, or copy the link and open it on your phone. It works once, for a few minutes.',
  handoffWaiting: 'Waiting for your phone…',
  handoffOpened: 'Opened on your phone. Finish there: this page follows along.',
  handoffExpired: 'This link has expired.',
  qrLabel: 'QR code with the link for your phone',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  newLink: 'Make a new link',
  cancel: 'Cancel',
}

export type DeviceMessageKey = keyof typeof en
export type DeviceMessages = Record<DeviceMessageKey, string>
export default en satisfies DeviceMessages
