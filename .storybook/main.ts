import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  stories: ['../src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y'],
  // The MSW worker and the mock flow page live here, not in public/, which ships with the hosted page.
  staticDirs: ['./public'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  // The element's shadow-root styles keep light-dark() as written, as the library build does: rewritten into
  // fallbacks, a token declared on :host would resolve there, before the theme of the root inside applies.
  // The targets of vite.config.ts's CSS_TARGET (this file cannot import that config).
  viteFinal: (config) => ({ ...config, build: { ...config.build, cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'] } }),
}
export default config
