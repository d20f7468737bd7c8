import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { type MockBackendOptions, withMockBackend } from '../../.storybook/mocks/backend'
import { type MockCamera, mockCamera } from '../../.storybook/mocks/camera'
import { pressEscape } from '../../.storybook/mocks/keyboard'
import type { VerifyMode } from '../core/types'
import { englishMessages as m } from '../react/locales'
import ar from '../react/locales/ar'
import d from '../react/locales/device/en'
import { defineVerifyButton } from './index'
import type {} from './react'
import type { VerifyButtonEventMap } from './types'

// Called, not a bare import: package.json marks only dist/element.js as having side effects, so a
// bundler may drop `import './index'` of the source file.
defineVerifyButton()

// <verify-button> as a page uses it: no provider, no stylesheet; the backend mocked at the network
// edge (MSW), the flow a static page on Storybook's own host. Each story's `verify-*` events show in
// the Actions panel.

interface ElementArgs {
  provider: 'facesign' | 'faceverify'
  mode: VerifyMode
  locale?: string
  theme?: 'light' | 'dark' | 'auto'
  label?: string
  cameraCheck?: 'true' | 'false'
  onEvent: (type: keyof VerifyButtonEventMap, detail: unknown) => void
}

const meta = {
  title: 'Element/verify-button',
  args: { provider: 'facesign', mode: 'inline', onEvent: fn() },
  argTypes: {
    provider: { control: 'inline-radio', options: ['facesign', 'faceverify'] },
    mode: { control: 'inline-radio', options: ['modal', 'inline', 'redirect', 'popup'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  render: ({ provider, mode, locale, theme, label, cameraCheck, onEvent }) => (
    <verify-button
      provider={provider}
      mode={mode}
      locale={locale}
      theme={theme}
      camera-check={cameraCheck}
      // Stories start fresh: no session carried over from the story shown before.
      resume="false"
      allowed-hosts={window.location.host}
      onverify-status={(e) => onEvent('verify-status', e.detail)}
      onverify-verified={(e) => onEvent('verify-verified', e.detail)}
      onverify-failed={(e) => onEvent('verify-failed', e.detail)}
      onverify-canceled={(e) => onEvent('verify-canceled', e.detail)}
      onverify-error={(e) => onEvent('verify-error', e.detail)}
      onverify-event={(e) => onEvent('verify-event', e.detail)}
      onverify-handoff={(e) => onEvent('verify-handoff', e.detail)}
    >
      {label}
    </verify-button>
  ),
} satisfies Meta<ElementArgs>
export default meta

type Story = StoryObj<typeof meta>

const backend = (options: MockBackendOptions) => withMockBackend({ livemode: true, stepMs: 400, ...options })
/** The mocked backend, and the browser's answers to the camera check (undone after the story). */
const device =
  (camera: MockCamera, options: MockBackendOptions = {}) =>
  (context: object) => {
    backend(options)(context)
    return mockCamera(camera)
  }

/** Inside the element's shadow root (Testing Library does not pierce it by itself). */
const inside = async (canvas: HTMLElement) =>
  within(await waitFor(() => canvas.querySelector('verify-button')!.shadowRoot!.querySelector<HTMLElement>('.vw-root')!))
/** The element's own button (the retry and close buttons are buttons too). */
const button = (canvas: HTMLElement) =>
  waitFor(() => canvas.querySelector('verify-button')!.shadowRoot!.querySelector<HTMLButtonElement>('button.vw-button')!)
const status = async (canvas: HTMLElement, text: string | RegExp) => {
  const root = await inside(canvas)
  await waitFor(() => expect(root.getByRole('status')).toHaveTextContent(text), { timeout: 8000 })
}
const eventsOf = (onEvent: ElementArgs['onEvent'], type: keyof VerifyButtonEventMap) =>
  (onEvent as ReturnType<typeof fn>).mock.calls.filter(([t]) => t === type)

export const Idle: Story = {
  beforeEach: backend({}),
  play: async ({ canvasElement }) => {
    const b = await button(canvasElement)
    await expect(b).toHaveAttribute('data-state', 'idle')
    await expect(b).toHaveAccessibleName(m.start)
  },
}

export const OwnLabel: Story = {
  name: 'Its own label (the element’s text)',
  args: { label: 'Confirm it’s you' },
  beforeEach: backend({}),
  play: async ({ canvasElement }) => {
    await expect(await button(canvasElement)).toHaveAccessibleName('Confirm it’s you')
  },
}

export const Starting: Story = {
  name: 'Starting (busy)',
  beforeEach: backend({ createDelay: 'infinite' }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const busy = await (await inside(canvasElement)).findByRole('button', { name: m.starting })
    await expect(busy).toHaveAttribute('aria-busy', 'true')
  },
}

export const ModalFlow: Story = {
  name: 'Modal: click, dialog opens, status shown',
  args: { mode: 'modal' },
  beforeEach: backend({ timeline: ['requires_input', 'in_progress'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const root = await inside(canvasElement)
    const dialog = await root.findByRole('dialog', { name: m.dialogTitle }, { timeout: 8000 })
    await waitFor(() => expect(dialog.querySelector('iframe[allow="camera; microphone"]')).not.toBeNull())
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent(m.in_progress), { timeout: 8000 })
    await expect(await button(canvasElement)).toHaveAttribute('aria-expanded', 'true')
  },
}

export const ModalEscape: Story = {
  name: 'Modal: Escape cancels and returns focus',
  args: { mode: 'modal' },
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const dialog = await (await inside(canvasElement)).findByRole('dialog', { name: m.dialogTitle }, { timeout: 8000 })
    pressEscape(dialog)
    const b = await button(canvasElement)
    await waitFor(() => expect(b).toHaveAttribute('data-state', 'canceled'))
    await expect(canvasElement.querySelector('verify-button')!.shadowRoot!.activeElement).toBe(b)
    await waitFor(() => expect(eventsOf(args.onEvent, 'verify-canceled')).toHaveLength(1))
  },
}

export const Verified: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'in_progress', 'verified'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    await status(canvasElement, m.verified)
    await waitFor(() => expect(eventsOf(args.onEvent, 'verify-verified')).toHaveLength(1))
    const confirmed = (await inside(canvasElement)).getByRole('button', { name: m.verifiedButton })
    await expect(confirmed).toHaveAttribute('aria-disabled', 'true')
  },
}

export const Failed: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'failed'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    await status(canvasElement, m.failed)
    await waitFor(() => expect(eventsOf(args.onEvent, 'verify-failed')).toHaveLength(1))
    const root = await inside(canvasElement)
    await expect(root.getByRole('button', { name: m.failedButton })).toBeEnabled()
    await expect(root.getByText(m.failedHint)).toBeVisible()
  },
}

export const Canceled: Story = {
  beforeEach: backend({ timeline: ['requires_input', 'canceled'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    await status(canvasElement, m.canceled)
    await expect((await inside(canvasElement)).getByRole('button', { name: m.canceledButton })).toBeEnabled()
  },
}

export const ErrorWithRetry: Story = {
  name: 'Error, then retry',
  beforeEach: backend({ createFailures: ['server_error'], timeline: ['requires_input', 'in_progress'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const root = await inside(canvasElement)
    const alert = await root.findByRole('alert', {}, { timeout: 8000 })
    await expect(alert).toHaveTextContent(m.errorGeneric)
    await waitFor(() => expect(eventsOf(args.onEvent, 'verify-error')).toHaveLength(1))
    await userEvent.click(within(alert).getByRole('button', { name: m.retry }))
    await status(canvasElement, m.in_progress)
    await expect(root.queryByRole('alert')).toBeNull()
  },
}

export const RateLimited: Story = {
  beforeEach: backend({ createFailures: ['rate_limited'], retryAfterSeconds: 30 }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const alert = await (await inside(canvasElement)).findByRole('alert', {}, { timeout: 8000 })
    await expect(alert).toHaveTextContent(m.errorRateLimited)
  },
}

export const TestMode: Story = {
  beforeEach: backend({ livemode: false, timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    await (await inside(canvasElement)).findByText(m.testMode, {}, { timeout: 8000 })
  },
}

export const RightToLeft: Story = {
  args: { locale: 'ar' },
  parameters: { dir: 'rtl' },
  beforeEach: backend({ livemode: false, timeline: ['requires_input', 'in_progress'] }),
  play: async ({ canvasElement, userEvent }) => {
    const root = canvasElement.querySelector('verify-button')!.shadowRoot!.querySelector('.vw-root')!
    await waitFor(() => expect(root).toHaveAttribute('dir', 'rtl'))
    await userEvent.click(await (await inside(canvasElement)).findByRole('button', { name: ar.start }))
    await status(canvasElement, ar.in_progress)
    await expect(root).toHaveAttribute('lang', 'ar')
  },
}

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { theme: 'dark' },
  beforeEach: backend({ livemode: false, createFailures: ['server_error'] }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    await (await inside(canvasElement)).findByRole('alert', {}, { timeout: 8000 })
  },
}

// "Continue on your phone" and the other views that show instead of the flow (docs/handoff.md).

/** The element's open dialog, and its view's heading once it has taken focus. */
async function deviceDialog(canvas: HTMLElement, heading: string) {
  const dialog = await (await inside(canvas)).findByRole('dialog', {}, { timeout: 8000 })
  const title = await within(dialog).findByRole('heading', { name: heading }, { timeout: 8000 })
  const shadow = canvas.querySelector('verify-button')!.shadowRoot!
  await waitFor(() => expect(shadow.activeElement).toBe(title))
  return within(dialog)
}
/** The UI's events (`verify-event` details) of one type. */
const uiEvents = (onEvent: ElementArgs['onEvent'], type: string) =>
  eventsOf(onEvent, 'verify-event')
    .map(([, detail]) => detail as { type: string })
    .filter((e) => e.type === type)
const QR = { name: d.qrLabel }

export const CameraBlocked: Story = {
  name: 'Camera blocked: how to allow it, Try again, the phone',
  args: { mode: 'modal' },
  beforeEach: device('denied'),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const dialog = await deviceDialog(canvasElement, d.cameraDenied)
    // The guidance of the browser the story runs in (Storybook's tests: Chromium).
    await expect(dialog.getByText(d.deniedChromium)).toBeVisible()
    await expect(dialog.getByRole('button', { name: d.phoneOption })).toBeEnabled()
    await userEvent.click(dialog.getByRole('button', { name: m.retry }))
    await waitFor(() => expect(uiEvents(args.onEvent, 'camera_denied')).toHaveLength(2))
    await expect(uiEvents(args.onEvent, 'retried')).toEqual([{ type: 'retried', after: 'camera_denied' }])
    await expect(dialog.getByRole('heading', { name: d.cameraDenied })).toBeVisible()
    await expect(eventsOf(args.onEvent, 'verify-status')).toEqual([])
  },
}

export const NoCameraPhoneLink: Story = {
  name: 'No camera: the phone link (QR code, copy link), waiting',
  args: { mode: 'modal' },
  beforeEach: device('no_camera'),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const dialog = await deviceDialog(canvasElement, d.noCamera)
    await expect(await dialog.findByRole('img', QR, { timeout: 8000 })).toBeVisible()
    await waitFor(() => expect(dialog.getByText(d.handoffWaiting)).toHaveClass('vw-device-status'))
    await waitFor(() => expect(eventsOf(args.onEvent, 'verify-handoff')).toHaveLength(1))
    const [, link] = eventsOf(args.onEvent, 'verify-handoff')[0] as [string, { url: string }]
    await expect(dialog.getByText(link.url)).toBeVisible()
    await expect(dialog.getByRole('button', { name: d.copyLink })).toBeEnabled()
    await expect(uiEvents(args.onEvent, 'camera_checked')).toEqual([
      { type: 'camera_checked', result: 'no_camera', permission: 'prompt', videoInputs: 0 },
    ])
    await expect(uiEvents(args.onEvent, 'handoff_shown')).toMatchObject([{ reason: 'no_camera' }])
  },
}

export const OpenedOnPhone: Story = {
  name: 'No camera: opened on the phone',
  args: { mode: 'modal' },
  beforeEach: device('no_camera', { handoffs: [{ openedAfterMs: 600, timeline: ['in_progress'] }] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const dialog = await deviceDialog(canvasElement, d.noCamera)
    await waitFor(() => expect(dialog.getByText(d.handoffOpened)).toHaveClass('vw-device-status'), { timeout: 8000 })
    await expect(dialog.queryByRole('img', QR)).toBeNull()
    await waitFor(() => expect(uiEvents(args.onEvent, 'handoff_opened')).toHaveLength(1))
  },
}

export const PhoneResult: Story = {
  name: 'No camera: the phone passes, the desktop shows verified',
  args: { mode: 'modal' },
  beforeEach: device('no_camera', { handoffs: [{ openedAfterMs: 600, timeline: ['in_progress', 'verified'] }] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    await deviceDialog(canvasElement, d.noCamera)
    await waitFor(() => expect(eventsOf(args.onEvent, 'verify-verified')).toHaveLength(1), { timeout: 8000 })
    const root = await inside(canvasElement)
    await waitFor(() => expect(root.queryByRole('dialog')).toBeNull())
    await expect(await button(canvasElement)).toHaveAttribute('data-state', 'verified')
    await expect(uiEvents(args.onEvent, 'handoff_opened')).toHaveLength(1)
  },
}

export const LinkExpired: Story = {
  name: 'Link expired: make a new link',
  beforeEach: device('no_camera', { handoffs: [{ ttlMs: 1000 }, {}] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const root = await inside(canvasElement)
    await root.findByRole('heading', { name: d.noCamera }, { timeout: 8000 })
    const shadow = canvasElement.querySelector('verify-button')!.shadowRoot!
    const step = () => shadow.querySelector('.vw-device-status')
    await waitFor(() => expect(step()).toHaveTextContent(d.handoffExpired), { timeout: 8000 })
    await expect(root.queryByRole('img', QR)).toBeNull()
    await userEvent.click(root.getByRole('button', { name: d.newLink }))
    await waitFor(() => expect(step()).toHaveTextContent(d.handoffWaiting), { timeout: 8000 })
    await expect(await root.findByRole('img', QR)).toBeVisible()
    await expect(eventsOf(args.onEvent, 'verify-handoff')).toHaveLength(2)
  },
}

export const FlowDidNotLoad: Story = {
  name: 'The flow did not load (20 s): Try again, the phone',
  args: { mode: 'modal' },
  // The flow's page never finishes loading; <verify-button> waits the default 20 s for it.
  beforeEach: device('ok', { flowLoad: 'held', timeline: ['requires_input'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const dialog = await (await inside(canvasElement)).findByRole('dialog', {}, { timeout: 8000 })
    await within(dialog).findByRole('heading', { name: d.flowFailed }, { timeout: 30_000 })
    await expect(dialog).toHaveTextContent(d.flowFailedHint)
    await expect(within(dialog).getByRole('button', { name: m.retry })).toBeEnabled()
    await expect(within(dialog).getByRole('button', { name: d.phoneOption })).toBeEnabled()
    await expect(uiEvents(args.onEvent, 'flow_load_failed')).toMatchObject([{ reason: 'timeout' }])
  },
}

export const CameraCheckOff: Story = {
  name: 'camera-check="false": the flow opens on a device without a camera',
  args: { mode: 'modal', cameraCheck: 'false' },
  beforeEach: device('no_camera', { timeline: ['requires_input', 'in_progress'] }),
  play: async ({ args, canvasElement, userEvent }) => {
    await userEvent.click(await button(canvasElement))
    const dialog = await (await inside(canvasElement)).findByRole('dialog', { name: m.dialogTitle }, { timeout: 8000 })
    await waitFor(() => expect(dialog.querySelector('iframe[allow="camera; microphone"]')).not.toBeNull())
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent(m.in_progress), { timeout: 8000 })
    await expect(uiEvents(args.onEvent, 'camera_checked')).toEqual([])
  },
}
