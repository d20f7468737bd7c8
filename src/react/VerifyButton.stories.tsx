import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { clippedText, PSEUDO, providerLocale } from '../../.storybook/locale'
import { type MockBackendOptions, withMockBackend } from '../../.storybook/mocks/backend'
import { type MockCamera, mockCamera } from '../../.storybook/mocks/camera'
import { pressEscape } from '../../.storybook/mocks/keyboard'
import type { Appearance } from './appearance'
import { VerifyProvider } from './context'
import { englishMessages as m } from './locales'
import ar from './locales/ar'
import d from './locales/device/en'
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
/** The mocked backend, and the browser's answers to the camera check (undone after the story). */
const device =
  (camera: MockCamera, options: MockBackendOptions = {}) =>
  (context: object) => {
    backend(options)(context)
    return mockCamera(camera)
  }

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
    onEvent: fn(),
    onHandoffLink: fn(),
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

// "Continue on your phone" and the other views that show instead of the flow (docs/handoff.md).

/** The open dialog, and its view's heading once it has taken focus. */
async function deviceDialog(heading: string) {
  const dialog = await within(document.body).findByRole('dialog', {}, { timeout: 8000 })
  const title = await within(dialog).findByRole('heading', { name: heading }, { timeout: 8000 })
  await waitFor(() => expect(title).toHaveFocus())
  return within(dialog)
}
/** The `onEvent` calls of one type, as the Actions panel lists them. */
const eventsOf = (onEvent: unknown, type: string) =>
  (onEvent as ReturnType<typeof fn>).mock.calls.map(([event]) => event as { type: string }).filter((e) => e.type === type)
const QR = { name: d.qrLabel }

export const CameraBlocked: Story = {
  name: 'Camera blocked: how to allow it, Try again, the phone',
  args: { mode: 'modal' },
  beforeEach: device('denied'),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const dialog = await deviceDialog(d.cameraDenied)
    // The guidance of the browser the story runs in (Storybook's tests: Chromium).
    await expect(dialog.getByText(d.deniedChromium)).toBeVisible()
    await expect(dialog.getByRole('button', { name: d.phoneOption })).toBeEnabled()
    await userEvent.click(dialog.getByRole('button', { name: m.retry }))
    await waitFor(() => expect(eventsOf(args.onEvent, 'camera_denied')).toHaveLength(2))
    await expect(eventsOf(args.onEvent, 'retried')).toEqual([{ type: 'retried', after: 'camera_denied' }])
    await expect(dialog.getByRole('heading', { name: d.cameraDenied })).toBeVisible()
    // No session for a device that cannot finish the flow.
    await expect(args.onStatusChange).not.toHaveBeenCalled()
  },
}

export const NoCameraPhoneLink: Story = {
  name: 'No camera: the phone link (QR code, copy link), waiting',
  args: { mode: 'modal' },
  beforeEach: device('no_camera'),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const dialog = await deviceDialog(d.noCamera)
    await expect(await dialog.findByRole('img', QR, { timeout: 8000 })).toBeVisible()
    await waitFor(() => expect(dialog.getByText(d.handoffWaiting)).toHaveClass('vw-device-status'))
    await waitFor(() => expect(args.onHandoffLink).toHaveBeenCalledTimes(1))
    const [link] = (args.onHandoffLink as ReturnType<typeof fn>).mock.calls[0] as [{ url: string }]
    await expect(dialog.getByText(link.url)).toBeVisible()
    await expect(dialog.getByRole('button', { name: d.copyLink })).toBeEnabled()
    await expect(dialog.getByRole('button', { name: d.newLink })).toBeEnabled()
    await expect(eventsOf(args.onEvent, 'camera_checked')).toEqual([
      { type: 'camera_checked', result: 'no_camera', permission: 'prompt', videoInputs: 0 },
    ])
    await expect(eventsOf(args.onEvent, 'handoff_shown')).toMatchObject([{ reason: 'no_camera' }])
  },
}

export const OpenedOnPhone: Story = {
  name: 'No camera: opened on the phone',
  args: { mode: 'modal' },
  beforeEach: device('no_camera', { handoffs: [{ openedAfterMs: 600, timeline: ['in_progress'] }] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const dialog = await deviceDialog(d.noCamera)
    await waitFor(() => expect(dialog.getByText(d.handoffOpened)).toHaveClass('vw-device-status'), { timeout: 8000 })
    await expect(dialog.queryByRole('img', QR)).toBeNull()
    await waitFor(() => expect(eventsOf(args.onEvent, 'handoff_opened')).toHaveLength(1))
  },
}

export const PhoneResult: Story = {
  name: 'No camera: the phone passes, the desktop shows verified',
  args: { mode: 'modal' },
  beforeEach: device('no_camera', { handoffs: [{ openedAfterMs: 600, timeline: ['in_progress', 'verified'] }] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    await deviceDialog(d.noCamera)
    await waitFor(() => expect(args.onVerified).toHaveBeenCalledTimes(1), { timeout: 8000 })
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull())
    await expect(within(canvasElement).getByRole('button', { name: m.verifiedButton })).toHaveAttribute('data-state', 'verified')
    await expect(eventsOf(args.onEvent, 'handoff_opened')).toHaveLength(1)
  },
}

export const LinkExpired: Story = {
  name: 'Link expired: make a new link',
  args: { mode: 'inline' },
  beforeEach: device('no_camera', { handoffs: [{ ttlMs: 1000 }, {}] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const view = within(canvasElement)
    await view.findByRole('heading', { name: d.noCamera }, { timeout: 8000 })
    await waitFor(() => expect(canvasElement.querySelector('.vw-device-status')).toHaveTextContent(d.handoffExpired), { timeout: 8000 })
    await expect(view.queryByRole('img', QR)).toBeNull()
    await userEvent.click(view.getByRole('button', { name: d.newLink }))
    await waitFor(() => expect(canvasElement.querySelector('.vw-device-status')).toHaveTextContent(d.handoffWaiting), { timeout: 8000 })
    await expect(await view.findByRole('img', QR)).toBeVisible()
    await expect(args.onHandoffLink).toHaveBeenCalledTimes(2)
  },
}

export const FlowDidNotLoad: Story = {
  name: 'The flow did not load: Try again, the phone',
  // The flow's page never finishes loading; the story waits 1.5 s for it instead of 20.
  args: { mode: 'modal', flowTimeoutMs: 1500 },
  beforeEach: device('ok', { flowLoad: 'held', timeline: ['requires_input'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const dialog = await deviceDialog(d.flowFailed)
    await expect(dialog.getByText(d.flowFailedHint)).toBeVisible()
    await expect(dialog.getByRole('button', { name: m.retry })).toBeEnabled()
    await expect(dialog.getByRole('button', { name: d.phoneOption })).toBeEnabled()
    await expect(eventsOf(args.onEvent, 'flow_load_failed')).toMatchObject([{ reason: 'timeout' }])
  },
}

export const CameraCheckOff: Story = {
  name: 'Camera check turned off: the flow opens on a device without a camera',
  args: { mode: 'modal', cameraCheck: false },
  beforeEach: device('no_camera', { timeline: ['requires_input', 'in_progress'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(button(canvasElement))
    const dialog = await within(document.body).findByRole('dialog', { name: m.dialogTitle }, { timeout: 8000 })
    await waitFor(() => expect(dialog.querySelector('iframe[allow="camera; microphone"]')).not.toBeNull())
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent(m.in_progress), { timeout: 8000 })
    await expect(eventsOf(args.onEvent, 'camera_checked')).toEqual([])
  },
}
