import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { localeToolbarItems, toolbarDirection } from './locale'
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
  // Any story in any shipped language, or in the pseudo-locale (long, accented) to catch clipped layouts.
  globalTypes: {
    locale: {
      description: 'Language of the widget and the hosted page',
      toolbar: { title: 'Language', icon: 'globe', items: localeToolbarItems, dynamicTitle: true },
    },
  },
  initialGlobals: { locale: '' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  beforeEach({ parameters, globals }) {
    const root = document.documentElement
    root.dataset.theme = parameters.theme ?? 'light'
    root.dir = toolbarDirection(globals.locale) ?? parameters.dir ?? 'ltr'
    return () => {
      delete root.dataset.theme
      root.dir = 'ltr'
    }
  },
}
export default preview
