import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import './preview.css'

declare module 'storybook/internal/csf' {
  interface Parameters {
    /** Colour scheme the story renders in; the widget and the hosted page both read `data-theme`. */
    theme?: 'light' | 'dark'
    dir?: 'ltr' | 'rtl'
  }
}

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  beforeEach({ parameters }) {
    const root = document.documentElement
    root.dataset.theme = parameters.theme ?? 'light'
    root.dir = parameters.dir ?? 'ltr'
    return () => {
      delete root.dataset.theme
      root.dir = 'ltr'
    }
  },
}
export default preview
