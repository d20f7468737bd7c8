/** The hosted page's own copy (the widget's locales hold the status titles); same keys in every locale. */
const en = {
  language: 'Language',
  testModeNote: 'No real verification happens, and no result counts.',
  startingBody: 'Preparing a secure session…',
  idleTitle: 'Ready when you are',
  idleBody: 'You will be asked to look at your camera for a few seconds.',
  requiresInputBody: 'Follow the steps below. Your camera is used only for this check.',
  inProgressBody: 'Keep this page open while you finish the steps.',
  processingBody: 'This usually takes a few seconds. You can keep this page open.',
  verifiedBody: 'You can close this page and return to where you started.',
  failedBody: 'We could not confirm it was you. Good light and a clear view of your face help.',
  canceledBody: 'Nothing was checked. You can start again whenever you are ready.',
  expiredBody: 'For your security, sessions last a short time.',
  offlineTitle: 'You are offline',
  offlineBody: 'We will carry on as soon as your connection is back.',
  rateLimitedTitle: 'Please wait a moment',
  rateLimitedBody: '{seconds, plural, one {Trying again in # second.} other {Trying again in # seconds.}}',
  errorTitle: 'Something went wrong',
  startAgain: 'Start again',
  cancel: 'Cancel',
  footer: 'Your face is checked by {provider}. This page never sees your images, only the result.',
}

export type HostedMessages = Record<keyof typeof en, string>
export default en satisfies HostedMessages
