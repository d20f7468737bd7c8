import enButton from '../../ui/button-english'

/** English strings: the reference for every locale (same keys, same placeholders). */
const en = {
  ...enButton,
  retry: 'Try again',
  close: 'Close',
  dialogTitle: 'Identity verification',
  testMode: 'Test mode',
  requires_input: 'Waiting for you to start',
  in_progress: 'Verification in progress',
  processing: 'Checking your result…',
  verified: 'You are verified',
  failed: 'Verification failed',
  canceled: 'Verification canceled',
  expired: 'The session expired. Please start again.',
  errorRateLimited: 'Too many attempts. Wait a moment and try again.',
  errorPopup: 'The verification window was blocked. Allow pop-ups and try again.',
  errorGeneric: 'Something went wrong. Please try again.',
  // The button's label after a result: a confirmed state, or the next step.
  verifiedButton: 'Identity verified',
  failedButton: 'Try verification again',
  canceledButton: 'Start verification again',
  expiredButton: 'Start a new verification',
  failedHint: 'Good light and a clear view of your face help.',
  flowLoading: 'Loading the verification…',
}

export type MessageKey = keyof typeof en
export type Messages = Record<MessageKey, string>
export default en satisfies Messages
