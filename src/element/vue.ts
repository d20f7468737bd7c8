// `import type {} from 'verify-widget/element/vue'` once in a Vue 3 app: <verify-button> in templates,
// with its attributes and `@verify-…` listeners typed (vue-tsc, Volar). Tell Vue's compiler it is a
// custom element: `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'verify-button' } } })`.
import type { HTMLAttributes } from 'vue'
import type { VerifyButtonAttributes, VerifyButtonEventMap } from './types'

/** `@verify-status` and the other events, under Vue's listener prop names. */
export interface VerifyButtonVueListeners {
  onVerifyStatus?: (event: VerifyButtonEventMap['verify-status']) => void
  onVerifyVerified?: (event: VerifyButtonEventMap['verify-verified']) => void
  onVerifyFailed?: (event: VerifyButtonEventMap['verify-failed']) => void
  onVerifyCanceled?: (event: VerifyButtonEventMap['verify-canceled']) => void
  onVerifyError?: (event: VerifyButtonEventMap['verify-error']) => void
}

export type VerifyButtonVueProps = HTMLAttributes & VerifyButtonAttributes & VerifyButtonVueListeners

declare module 'vue' {
  interface GlobalComponents {
    'verify-button': new () => { $props: VerifyButtonVueProps }
  }
}
