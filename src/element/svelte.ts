// `import type {} from 'verify-widget/element/svelte'` once in a Svelte 5 app: <verify-button> in
// markup, with its attributes and `onverify-…` listeners typed (svelte-check).
import type { HTMLAttributes } from 'svelte/elements'
import type { VerifyButtonElement } from './index'
import type { VerifyButtonAttributes, VerifyButtonListenerProps } from './types'

export type VerifyButtonSvelteProps = HTMLAttributes<VerifyButtonElement> & VerifyButtonAttributes & VerifyButtonListenerProps

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'verify-button': VerifyButtonSvelteProps
  }
}
