// `import type {} from 'verify-widget/element/react'` once in a React 19 app: <verify-button> in JSX,
// with its attributes and `onverify-…` listeners typed (React 19 attaches them as event listeners).
import type { DetailedHTMLProps, HTMLAttributes } from 'react'
import type { VerifyButtonElement } from './index'
import type { VerifyButtonAttributes, VerifyButtonListenerProps } from './types'

export type VerifyButtonReactProps = DetailedHTMLProps<HTMLAttributes<VerifyButtonElement>, VerifyButtonElement> &
  VerifyButtonAttributes &
  VerifyButtonListenerProps

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'verify-button': VerifyButtonReactProps
    }
  }
}
