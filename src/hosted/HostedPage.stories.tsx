import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { type MockBackendOptions, withMockBackend } from '../../.storybook/mocks/backend'
import { goOffline, goOnline } from '../../.storybook/mocks/network'
import type { HostedConfig } from './config'
import { HostedPage } from './HostedPage'
import './hosted.css'
import { ENGLISH_STRINGS, type HostedStrings, loadStrings } from './strings'

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
  // Every render gets its own store through a fresh key (args stay serialisable for controls).
  render: (args, { loaded, id }) => (
    <HostedPage key={id} {...args} initialStrings={(loaded.strings as HostedStrings | undefined) ?? args.initialStrings} />
  ),
} satisfies Meta<typeof HostedPage>
export default meta

const heading = (canvas: HTMLElement, name: string | RegExp) => within(canvas).findByRole('heading', { level: 2, name }, { timeout: 8000 })

export const Starting: Story = {
  beforeEach: backend({ createDelay: 'infinite' }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Starting…')
    await expect(within(canvasElement).getByRole('heading', { level: 1 })).toHaveTextContent('Verify your identity')
  },
}

export const WaitingForThePerson: Story = {
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Waiting for you to start')
    await waitFor(() => expect(canvasElement.querySelector('iframe[allow="camera; microphone"]')).not.toBeNull())
  },
}

export const InProgress: Story = {
  beforeEach: backend({ timeline: ['in_progress'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Verification in progress')
  },
}

export const Processing: Story = {
  beforeEach: backend({ timeline: ['processing'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Checking your result…')
  },
}

export const Verified: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'in_progress', 'processing', 'verified'] }),
  play: async ({ canvasElement }) => {
    const title = await heading(canvasElement, 'You are verified')
    // Focus follows the state so that a screen reader reads the outcome.
    await waitFor(() => expect(title).toHaveFocus())
    await expect(canvasElement.querySelector('iframe')).toBeNull()
  },
}

export const Failed: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'failed'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Verification failed')
    await expect(within(canvasElement).getByRole('button', { name: 'Try again' })).toBeVisible()
  },
}

export const Canceled: Story = {
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await heading(canvasElement, 'Waiting for you to start')
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Cancel' }))
    await heading(canvasElement, 'Verification canceled')
    await expect(within(canvasElement).getByRole('button', { name: 'Start again' })).toBeVisible()
  },
}

export const Expired: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'expired'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'The session expired. Please start again.')
    await expect(within(canvasElement).getByRole('button', { name: 'Start again' })).toBeVisible()
  },
}

export const RateLimited: Story = {
  beforeEach: backend({ createFailures: ['rate_limited'], retryAfterSeconds: 2, timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Please wait a moment')
    await within(canvasElement).findByText(/Trying again in [12] s\./)
    // No click: the page retries by itself once Retry-After has passed.
    await heading(canvasElement, 'Waiting for you to start')
  },
}

export const Offline: Story = {
  beforeEach: (context) => {
    backend({ createFailures: ['offline'], timeline: ['requires_input'] })(context)
    goOffline()
    return goOnline
  },
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'You are offline')
    goOnline()
    await heading(canvasElement, 'Waiting for you to start')
  },
}

export const StillOffline: Story = {
  beforeEach: (context) => {
    backend({ createFailures: ['offline'] })(context)
    goOffline()
    return goOnline
  },
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'You are offline')
  },
}

export const BackendError: Story = {
  beforeEach: backend({ createFailures: ['server_error'], timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await heading(canvasElement, 'Something went wrong')
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }))
    await heading(canvasElement, 'Waiting for you to start')
  },
}

export const MalformedResponse: Story = {
  beforeEach: backend({ createFailures: ['malformed', 'malformed'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Something went wrong')
  },
}

export const TestMode: Story = {
  beforeEach: backend({ livemode: false, timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('complementary', { name: 'Test mode' }, { timeout: 8000 })
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
    await heading(canvasElement, 'You are verified')
  },
}

export const PollingFallback: Story = {
  name: 'Without Server-Sent Events (polling)',
  beforeEach: backend({ sse: false, timeline: ['requires_input', 'verified'], stepMs: 600 }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'You are verified')
  },
}

export const RightToLeft: Story = {
  parameters: { dir: 'rtl' },
  loaders: [async () => ({ strings: await loadStrings('ar') })],
  beforeEach: backend({ livemode: false, timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'في انتظار أن تبدأ')
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'rtl'))
    await expect(document.documentElement).toHaveAttribute('lang', 'ar')
  },
}

export const Dark: Story = {
  parameters: { theme: 'dark' },
  beforeEach: backend({ livemode: false, timeline: ['requires_input', 'failed'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Verification failed')
  },
}

export const SwitchLanguage: Story = {
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await heading(canvasElement, 'Waiting for you to start')
    await userEvent.selectOptions(within(canvasElement).getByLabelText('Language'), 'fr')
    await heading(canvasElement, 'En attente de votre début')
    await expect(new URL(window.location.href).searchParams.get('lang')).toBe('fr')
  },
}
