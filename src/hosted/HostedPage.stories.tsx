import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { clippedText, hostedStrings, PSEUDO } from '../../.storybook/locale'
import { type MockBackendOptions, withMockBackend } from '../../.storybook/mocks/backend'
import { goOffline, goOnline } from '../../.storybook/mocks/network'
import ar from '../react/locales/ar'
import fr from '../react/locales/fr'
import type { HostedConfig } from './config'
import { HostedPage } from './HostedPage'
import './hosted.css'
import { ENGLISH_STRINGS, type HostedStrings, loadStrings } from './strings'

const { widget: w, page: p } = ENGLISH_STRINGS

const config = (overrides: Partial<HostedConfig> = {}): HostedConfig => ({
  endpoint: '/api/verify',
  // The mock flow page is served by Storybook itself (http on loopback), so allow this host.
  allowedHosts: [window.location.host],
  provider: 'facesign',
  sessionId: undefined,
  lang: undefined,
  ...overrides,
})

const backend = (options: MockBackendOptions) => withMockBackend({ livemode: true, stepMs: 400, ...options })

type Story = StoryObj<typeof HostedPage>

const meta = {
  title: 'Hosted page',
  component: HostedPage,
  tags: ['page'],
  parameters: { layout: 'fullscreen' },
  args: { config: config(), initialStrings: ENGLISH_STRINGS },
  // The toolbar's language, when chosen, wins over the story's own.
  loaders: [async ({ globals }) => ({ toolbarStrings: await hostedStrings(globals.locale) })],
  // Every render gets its own store through a fresh key (args stay serialisable for controls).
  render: (args, { loaded, id }) => (
    <HostedPage key={id} {...args} initialStrings={(loaded.toolbarStrings ?? loaded.strings ?? args.initialStrings) as HostedStrings} />
  ),
} satisfies Meta<typeof HostedPage>
export default meta

const heading = (canvas: HTMLElement, name: string | RegExp) => within(canvas).findByRole('heading', { level: 2, name }, { timeout: 8000 })

export const Starting: Story = {
  beforeEach: backend({ createDelay: 'infinite' }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.starting)
    await expect(within(canvasElement).getByRole('heading', { level: 1 })).toHaveTextContent(w.start)
  },
}

export const WaitingForThePerson: Story = {
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.requires_input)
    await waitFor(() => expect(canvasElement.querySelector('iframe[allow="camera; microphone"]')).not.toBeNull())
  },
}

export const InProgress: Story = {
  beforeEach: backend({ timeline: ['in_progress'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.in_progress)
  },
}

export const Processing: Story = {
  beforeEach: backend({ timeline: ['processing'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.processing)
  },
}

export const Verified: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'in_progress', 'processing', 'verified'] }),
  play: async ({ canvasElement }) => {
    const title = await heading(canvasElement, w.verified)
    // Focus follows the state so that a screen reader reads the outcome.
    await waitFor(() => expect(title).toHaveFocus())
    await expect(canvasElement.querySelector('iframe')).toBeNull()
  },
}

export const Failed: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'failed'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.failed)
    await expect(within(canvasElement).getByRole('button', { name: w.retry })).toBeVisible()
  },
}

export const Canceled: Story = {
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await heading(canvasElement, w.requires_input)
    await userEvent.click(within(canvasElement).getByRole('button', { name: p.cancel }))
    await heading(canvasElement, w.canceled)
    await expect(within(canvasElement).getByRole('button', { name: p.startAgain })).toBeVisible()
  },
}

export const Expired: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'expired'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.expired)
    await expect(within(canvasElement).getByRole('button', { name: p.startAgain })).toBeVisible()
  },
}

export const RateLimited: Story = {
  beforeEach: backend({ createFailures: ['rate_limited'], retryAfterSeconds: 2, timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, p.rateLimitedTitle)
    await within(canvasElement).findByText(/Trying again in [12] seconds?\./)
    // No click: the page retries by itself once Retry-After has passed.
    await heading(canvasElement, w.requires_input)
  },
}

export const Offline: Story = {
  beforeEach: (context) => {
    backend({ createFailures: ['offline'], timeline: ['requires_input'] })(context)
    goOffline()
    return goOnline
  },
  play: async ({ canvasElement }) => {
    await heading(canvasElement, p.offlineTitle)
    goOnline()
    await heading(canvasElement, w.requires_input)
  },
}

export const StillOffline: Story = {
  beforeEach: (context) => {
    backend({ createFailures: ['offline'] })(context)
    goOffline()
    return goOnline
  },
  play: async ({ canvasElement }) => {
    await heading(canvasElement, p.offlineTitle)
  },
}

export const BackendError: Story = {
  beforeEach: backend({ createFailures: ['server_error'], timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await heading(canvasElement, p.errorTitle)
    await userEvent.click(within(canvasElement).getByRole('button', { name: w.retry }))
    await heading(canvasElement, w.requires_input)
  },
}

export const MalformedResponse: Story = {
  beforeEach: backend({ createFailures: ['malformed', 'malformed'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, p.errorTitle)
  },
}

export const TestMode: Story = {
  beforeEach: backend({ livemode: false, timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('complementary', { name: w.testMode }, { timeout: 8000 })
  },
}

export const FaceVerifyReturn: Story = {
  name: 'FaceVerify: back from the provider',
  args: { config: config({ provider: 'faceverify', sessionId: 'vs_returning' }) },
  beforeEach: backend({
    existingSessionId: 'vs_returning',
    existingProvider: 'faceverify',
    timeline: ['processing', 'verified'],
    stepMs: 800,
  }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.verified)
  },
}

export const PollingFallback: Story = {
  name: 'Without Server-Sent Events (polling)',
  beforeEach: backend({ sse: false, timeline: ['requires_input', 'verified'], stepMs: 600 }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.verified)
  },
}

export const RightToLeft: Story = {
  parameters: { dir: 'rtl' },
  loaders: [async () => ({ strings: await loadStrings('ar') })],
  beforeEach: backend({ livemode: false, timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, ar.requires_input)
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'rtl'))
    await expect(document.documentElement).toHaveAttribute('lang', 'ar')
  },
}

export const Dark: Story = {
  parameters: { theme: 'dark' },
  beforeEach: backend({ livemode: false, timeline: ['requires_input', 'failed'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.failed)
  },
}

export const SwitchLanguage: Story = {
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await heading(canvasElement, w.requires_input)
    await userEvent.selectOptions(within(canvasElement).getByLabelText(p.language), 'fr')
    await heading(canvasElement, fr.requires_input)
    await expect(new URL(window.location.href).searchParams.get('lang')).toBe('fr')
  },
}

/** Long, accented strings (the pseudo-locale): every heading, paragraph and button still fits. */
export const PseudoLocale: Story = {
  globals: { locale: PSEUDO },
  beforeEach: backend({ livemode: false, timeline: ['requires_input', 'failed'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, /^\[Ṽêŕîƒîçåţîöñ ƒåîļêð ·+\]$/)
    await expect(within(canvasElement).getByRole('button', { name: /^\[Ţŕý åĝåîñ ·+\]$/ })).toBeVisible()
    await expect(clippedText(canvasElement)).toEqual([])
  },
}
