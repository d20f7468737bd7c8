import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { clippedText, PSEUDO, providerLocale } from '../../.storybook/locale'
import { type MockBackendOptions, withMockBackend } from '../../.storybook/mocks/backend'
import { pressEscape } from '../../.storybook/mocks/keyboard'
import type { Appearance } from './appearance'
import { VerifyProvider } from './context'
import { englishMessages as m } from './locales'
import ar from './locales/ar'
import './styles.css'
import { VerifyButton } from './VerifyButton'

declare module 'storybook/internal/csf' {
  interface Parameters {
    /** VerifyProvider props of a story: the app-level locale and theme. */
    verifyProvider?: { locale?: string; appearance?: Appearance }
  }
}

// The real provider, pointed at the MSW-mocked backend; this Storybook's own host serves the mock flow page.
// The toolbar's language, when chosen, wins over the story's own.
const withProvider: Decorator = (Story, { parameters, globals }) => (
  <VerifyProvider
    endpoint="/api/verify"
    allowedHosts={[window.location.host]}
    {...parameters.verifyProvider}
    {...providerLocale(globals.locale)}
  >
    <Story />
  </VerifyProvider>
)

const backend = (options: MockBackendOptions) => withMockBackend({ livemode: true, stepMs: 400, ...options })

const meta = {
  title: 'Widget/VerifyButton',
  component: VerifyButton,
  decorators: [withProvider],
  args: {
    provider: 'facesign',
    mode: 'inline',
    // Stories start fresh: no session carried over from the story shown before.
    resume: false,
    onVerified: fn(),
    onFailed: fn(),
    onCancel: fn(),
    onError: fn(),
    onStatusChange: fn(),
  },
  argTypes: {
    provider: { control: 'inline-radio', options: ['facesign', 'faceverify'] },
    mode: { control: 'inline-radio', options: ['modal', 'inline', 'redirect', 'popup'] },
  },
} satisfies Meta<typeof VerifyButton>
export default meta

type Story = StoryObj<typeof meta>

// The widget's button by any of its labels: before a session, and after each result.
const LABELS = [m.start, ar.start, m.verifiedButton, m.failedButton, m.canceledButton, m.expiredButton]
const button = (canvas: HTMLElement) => within(canvas).getByRole('button', { name: new RegExp(`^(${LABELS.join('|')})$`) })
const status = (canvas: HTMLElement, text: string | RegExp) =>
  waitFor(() => expect(within(canvas).getByRole('status')).toHaveTextContent(text), { timeout: 8000 })

export const Idle: Story = {
  beforeEach: backend({}),
  play: async ({ canvasElement }) => {
    await expect(button(canvasElement)).toHaveAttribute('data-state', 'idle')
  },
}

export const Starting: Story = {
  name: 'Starting (busy)',
  beforeEach: backend({ createDelay: 'infinite' }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const busy = await within(canvasElement).findByRole('button', { name: m.starting })
    await expect(busy).toHaveAttribute('aria-busy', 'true')
  },
}

export const ModalFlow: Story = {
  name: 'Modal: click, dialog opens, status shown',
  args: { mode: 'modal' },
  beforeEach: backend({ timeline: ['requires_input', 'in_progress'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const dialog = await within(document.body).findByRole('dialog', { name: m.dialogTitle }, { timeout: 8000 })
    await waitFor(() => expect(dialog.querySelector('iframe[allow="camera; microphone"]')).not.toBeNull())
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent(m.in_progress), { timeout: 8000 })
    await expect(button(canvasElement)).toHaveAttribute('aria-expanded', 'true')
  },
}

export const ModalEscape: Story = {
  name: 'Modal: Escape cancels and returns focus',
  args: { mode: 'modal' },
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const dialog = await within(document.body).findByRole('dialog', { name: m.dialogTitle }, { timeout: 8000 })
    pressEscape(dialog)
    await waitFor(() => expect(button(canvasElement)).toHaveAttribute('data-state', 'canceled'))
    await expect(button(canvasElement)).toHaveFocus()
    await waitFor(() => expect(args.onCancel).toHaveBeenCalledTimes(1))
  },
}

export const InProgress: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'in_progress'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await status(canvasElement, m.in_progress)
  },
}

export const Processing: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'processing'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await status(canvasElement, m.processing)
  },
}

export const Verified: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'in_progress', 'verified'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await status(canvasElement, m.verified)
    await waitFor(() => expect(args.onVerified).toHaveBeenCalledTimes(1))
    // A confirmed state now, not an invitation to start again.
    const confirmed = within(canvasElement).getByRole('button', { name: m.verifiedButton })
    await expect(confirmed).toHaveAttribute('data-state', 'verified')
    await expect(confirmed).toHaveAttribute('aria-disabled', 'true')
  },
}

export const Failed: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'failed'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await status(canvasElement, m.failed)
    await waitFor(() => expect(args.onFailed).toHaveBeenCalledTimes(1))
    await expect(within(canvasElement).getByRole('button', { name: m.failedButton })).toBeEnabled()
    await expect(within(canvasElement).getByText(m.failedHint)).toBeVisible()
  },
}

export const Canceled: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'canceled'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await status(canvasElement, m.canceled)
    await waitFor(() => expect(args.onCancel).toHaveBeenCalledTimes(1))
    await expect(within(canvasElement).getByRole('button', { name: m.canceledButton })).toBeEnabled()
  },
}

export const Expired: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'expired'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await status(canvasElement, m.expired)
    await expect(within(canvasElement).getByRole('button', { name: m.expiredButton })).toBeEnabled()
  },
}

export const ErrorWithRetry: Story = {
  name: 'Error, then retry',
  beforeEach: backend({ createFailures: ['server_error'], timeline: ['requires_input', 'in_progress'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 8000 })
    await expect(alert).toHaveTextContent(m.errorGeneric)
    await waitFor(() => expect(args.onError).toHaveBeenCalledTimes(1))
    await userEvent.click(within(alert).getByRole('button', { name: m.retry }))
    await status(canvasElement, m.in_progress)
    await expect(within(canvasElement).queryByRole('alert')).toBeNull()
  },
}

export const Offline: Story = {
  name: 'Network error',
  beforeEach: backend({ createFailures: ['offline'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 8000 })
    await expect(alert).toHaveTextContent(m.errorNetwork)
  },
}

export const RateLimited: Story = {
  beforeEach: backend({ createFailures: ['rate_limited'], retryAfterSeconds: 30 }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 8000 })
    await expect(alert).toHaveTextContent(m.errorRateLimited)
  },
}

export const TestMode: Story = {
  beforeEach: backend({ livemode: false, timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await within(canvasElement).findByText(m.testMode, {}, { timeout: 8000 })
  },
}

export const RightToLeft: Story = {
  parameters: { dir: 'rtl', verifyProvider: { locale: 'ar' } },
  beforeEach: backend({ livemode: false, timeline: ['requires_input', 'in_progress'] }),
  play: async ({ canvasElement, userEvent }) => {
    const root = await waitFor(() => {
      const el = canvasElement.querySelector('.vw-root')
      expect(el).toHaveAttribute('dir', 'rtl')
      return el
    })
    await userEvent.click(button(canvasElement))
    await status(canvasElement, ar.in_progress)
    await expect(root).toHaveAttribute('lang', 'ar')
  },
}

export const Dark: Story = {
  parameters: { theme: 'dark', verifyProvider: { appearance: { theme: 'dark' } } },
  beforeEach: backend({ livemode: false, createFailures: ['server_error'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await within(canvasElement).findByRole('alert', {}, { timeout: 8000 })
  },
}

export const FaceVerifyPopup: Story = {
  name: 'FaceVerify in a popup',
  args: { provider: 'faceverify', mode: 'popup' },
  beforeEach: backend({}),
  play: async ({ canvasElement }) => {
    // Opening the popup needs a real click from a person; the story shows the ready button.
    await expect(button(canvasElement)).toBeEnabled()
  },
}

/** Long, accented strings (the pseudo-locale): the label and the error wrap instead of being cut off. */
export const PseudoLocale: Story = {
  globals: { locale: PSEUDO },
  beforeEach: backend({ createFailures: ['offline'] }),
  play: async ({ canvasElement, userEvent }) => {
    const start = await within(canvasElement).findByRole('button', { name: /^\[Ṽêŕîƒý ýöûŕ îðêñţîţý ·+\]$/ })
    await userEvent.click(start)
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 8000 })
    await expect(alert).toHaveTextContent(/^\[Çöûļð ñöţ çöññêçţ/)
    await expect(clippedText(canvasElement)).toEqual([])
  },
}
