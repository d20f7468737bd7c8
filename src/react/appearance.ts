// The appearance options are the framework-free module's: one meaning for the React button,
// <verify-button> and createVerification.
export type { Appearance, AppearanceVariables, Theme } from '../ui/appearance'
export { applyAppearance } from '../ui/appearance'
