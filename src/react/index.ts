'use client'
// No `import './styles.css'` here: package.json marks only CSS as having side effects, so a bundler
// skips this entry module (and any import in it) whenever an app uses its re-exports, and the
// library build emits dist/style.css anyway. Apps import 'verify-widget/styles.css' themselves.

// Everything in core, and the store, is reachable from the React entry too; bundlers drop what is not used.
export * from '../core'
export { createStatusHub } from '../core/hub'
export { createVerificationStore } from '../core/store'
export type { BrowserFamily, CameraCheck, CameraPermission, CameraResult } from '../ui/camera'
export type { HandoffLinkDetail, HandoffReason, VerifyEvent, VerifyEventType } from '../ui/types'
export type { Appearance, AppearanceVariables, Theme } from './appearance'
export type { VerifyConfig, VerifyProviderProps } from './context'
export { VerifyProvider } from './context'
export { FlowFrame } from './FlowFrame'
export type { Locale, MessageKey, Messages } from './locales'
// The locale helpers (SUPPORTED_LOCALES, resolveLocale, loadMessages…) are `verify-widget/locales`: kept out
// of this entry, the widget loads them only for a page that is not in English.
export type { SessionQueryOptions } from './queries'
export { sessionQueryOptions, verificationKeys } from './queries'
export type { LocaleMessages } from './useLocaleMessages'
export { useLocaleMessages } from './useLocaleMessages'
export type { UseVerificationOptions, UseVerificationResult, VerificationCallbacks } from './useVerification'
export { useVerification } from './useVerification'
export { useVerificationStatus } from './useVerificationStatus'
export type { VerifyContextValue } from './useVerifyContext'
export { useVerifyContext } from './useVerifyContext'
export type { VerificationDialogProps } from './VerificationDialog'
export { VerificationDialog } from './VerificationDialog'
export type { VerifyButtonProps } from './VerifyButton'
export { VerifyButton } from './VerifyButton'
