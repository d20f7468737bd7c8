import type { Meta, StoryObj } from '@storybook/react-vite'
import { HttpResponse, http } from 'msw'
import type { SetupWorker } from 'msw/browser'
import { useEffect, useRef } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import { clippedText, hostedStrings, PSEUDO } from '../../.storybook/locale'
import { type MockBackendOptions, withMockBackend } from '../../.storybook/mocks/backend'
import { statusEventStream } from '../../.storybook/mocks/events'
import { goOffline, goOnline } from '../../.storybook/mocks/network'
import { createMockSession } from '../../.storybook/mocks/sessions'
import type { SessionStatus } from '../core'
import ar from '../react/locales/ar'
import device from '../react/locales/device/en'
import fr from '../react/locales/fr'
import type { HostedConfig } from './config'
import './hosted.css'
import { mountHostedPage } from './page'
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

interface HostedPageStoryProps {
  config: HostedConfig
  strings: HostedStrings
}

/** The page as index.html mounts it (no framework), in a div of the story; gone with the story. */
function HostedPage({ config, strings }: HostedPageStoryProps) {
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const page = mountHostedPage(root.current!, { config, strings })
    return () => page.destroy()
  }, [config, strings])
  return <div ref={root} />
}

type Story = StoryObj<typeof HostedPage>

const meta = {
  title: 'Hosted page',
  component: HostedPage,
  tags: ['page'],
  parameters: { layout: 'fullscreen' },
  args: { config: config(), strings: ENGLISH_STRINGS },
  // The toolbar's language, when chosen, wins over the story's own.
  loaders: [async ({ globals }) => ({ toolbarStrings: await hostedStrings(globals.locale) })],
  // Every render gets its own page through a fresh key (args stay serialisable for controls).
  render: (args, { loaded, id }) => (
    <HostedPage key={id} {...args} strings={(loaded.toolbarStrings ?? loaded.strings ?? args.strings) as HostedStrings} />
  ),
} satisfies Meta<typeof HostedPage>
export default meta

/** The story context's MSW worker (the addon puts it there; its types do not reach CSF's). */
function worker(context: object): SetupWorker {
  const msw = (context as { msw?: SetupWorker }).msw
  if (!msw) throw new Error('these stories need the mswLoader of .storybook/preview.ts.')
  return msw
}

/** The camera check's answers for one story: a blocked camera, or none at all. Returns the undo. */
function cameraIs(kind: 'denied' | 'absent') {
  return () => {
    const permissions = navigator.permissions as { query: Permissions['query'] }
    const devices = navigator.mediaDevices as { enumerateDevices: MediaDevices['enumerateDevices'] }
    if (kind === 'denied') permissions.query = async () => ({ state: 'denied' }) as PermissionStatus
    else devices.enumerateDevices = async () => []
    return () => {
      // Own properties over the prototype's methods: deleting them brings the browser's back.
      delete (permissions as Partial<typeof permissions>).query
      delete (devices as Partial<typeof devices>).enumerateDevices
    }
  }
}

const apiError = (status: number, code: string, message: string) =>
  HttpResponse.json({ error: { type: 'invalid_request_error', code, message } }, { status })

/**
 * The desktop's "continue on your phone": the backend makes a link and a session that waits for the
 * phone; its status says `handoff` (waiting, then opened once the phone opened it).
 */
function phoneLink(handoff: 'waiting' | 'opened') {
  return (context: object) => {
    backend({})(context)
    const session = createMockSession({ provider: 'facesign', livemode: true, timeline: ['requires_input'], stepMs: 400, flowUrl: '' })
    const snapshot = (state: string) => ({ ...session.snapshot(), handoff: state })
    worker(context).use(
      http.post('/api/verify/handoffs', () =>
        HttpResponse.json(
          {
            session: snapshot('waiting'),
            handoff: {
              url: `${window.location.origin}/#handoff=story_${session.id}`,
              expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
            },
          },
          { status: 201 },
        ),
      ),
      http.get(`/api/verify/sessions/${session.id}`, () => HttpResponse.json(snapshot(handoff))),
      // No stream: the page reads the status by polling, which is enough for a story.
      http.get(`/api/verify/sessions/${session.id}/events`, () => apiError(404, 'not_found', 'No stream here.')),
    )
  }
}

/** The phone that opened a link: its claim is refused with `code`, or gets a session that moves through `timeline`. */
function phoneClaim(outcome: { refused: [number, string] } | { timeline: readonly SessionStatus[] }) {
  return (context: object) => {
    backend({})(context)
    if ('refused' in outcome) {
      const [status, code] = outcome.refused
      worker(context).use(http.post('/api/verify/handoffs/claim', () => apiError(status, code, 'Refused.')))
      return
    }
    const session = createMockSession({
      provider: 'facesign',
      livemode: true,
      timeline: outcome.timeline,
      stepMs: 400,
      flowUrl: new URL('mock-flow.html', document.baseURI).href,
    })
    worker(context).use(
      http.post('/api/verify/handoffs/claim', () => HttpResponse.json(session.toVerificationSession())),
      http.get(`/api/verify/sessions/${session.id}`, () => HttpResponse.json(session.snapshot())),
      http.get(`/api/verify/sessions/${session.id}/events`, ({ request }) => statusEventStream(session, request.signal, 15_000)),
    )
  }
}

const onPhone = config({ device: true, handoffToken: 'story_token' })

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

// What shows instead of the flow: a blocked camera, a flow that did not load, "continue on your phone".

export const CameraBlocked: Story = {
  beforeEach: (context) => {
    backend({ timeline: ['requires_input'] })(context)
    return cameraIs('denied')()
  },
  play: async ({ canvasElement }) => {
    const title = await heading(canvasElement, device.cameraDenied)
    await waitFor(() => expect(title).toHaveFocus())
    await expect(within(canvasElement).getByText(device.deniedChromium)).toBeVisible()
    await expect(within(canvasElement).getByRole('button', { name: w.retry })).toBeVisible()
    await expect(within(canvasElement).getByRole('button', { name: device.phoneOption })).toBeVisible()
    // No session was made for a device that cannot finish the flow.
    await expect(canvasElement.querySelector('iframe')).toBeNull()
  },
}

export const NoCameraContinueOnPhone: Story = {
  name: 'No camera: continue on your phone',
  beforeEach: (context) => {
    phoneLink('waiting')(context)
    return cameraIs('absent')()
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await heading(canvasElement, device.phoneOption)
    await canvas.findByRole('img', { name: device.qrLabel }, { timeout: 8000 })
    await expect(canvas.getByText(/#handoff=story_/)).toBeVisible()
    await expect(canvasElement.querySelector('.vwh-step')).toHaveTextContent(device.handoffWaiting)
    await expect(canvas.getByRole('button', { name: device.copyLink })).toBeVisible()
    await expect(canvas.getByRole('button', { name: device.newLink })).toBeVisible()
    await expect(canvas.getByRole('button', { name: device.cancel })).toBeVisible()
  },
}

export const OpenedOnPhone: Story = {
  name: 'Continue on your phone: opened there',
  beforeEach: (context) => {
    phoneLink('opened')(context)
    return cameraIs('absent')()
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await heading(canvasElement, device.phoneOption)
    await waitFor(() => expect(canvasElement.querySelector('.vwh-step')).toHaveTextContent(device.handoffOpened), { timeout: 8000 })
    // The link is spent: no code, no copy, only a new link or cancel.
    await expect(canvas.queryByRole('img', { name: device.qrLabel })).toBeNull()
    await expect(canvas.getByRole('button', { name: device.newLink })).toBeVisible()
  },
}

export const FlowDidNotLoad: Story = {
  name: 'The flow did not load',
  beforeEach: backend({ timeline: ['requires_input'] }),
  play: async ({ canvasElement, userEvent }) => {
    await heading(canvasElement, w.requires_input)
    const frame = await waitFor(() => {
      const found = canvasElement.querySelector('iframe')
      if (!found) throw new Error('no flow yet')
      return found
    })
    // What the browser fires when the page's CSP (frame-src) refuses the flow.
    const blocked = new URL(frame.src)
    document.dispatchEvent(
      new SecurityPolicyViolationEvent('securitypolicyviolation', {
        blockedURI: blocked.href,
        documentURI: window.location.href,
        effectiveDirective: 'frame-src',
        violatedDirective: 'frame-src',
        originalPolicy: "frame-src 'none'",
        disposition: 'enforce',
        statusCode: 200,
      }),
    )
    await heading(canvasElement, device.flowFailed)
    await expect(within(canvasElement).getByText(device.flowFailedHint)).toBeVisible()
    await userEvent.click(within(canvasElement).getByRole('button', { name: w.retry }))
    await heading(canvasElement, w.requires_input)
    await waitFor(() => expect(canvasElement.querySelector('iframe')).not.toBeNull())
  },
}

// The phone that opened a "continue on your phone" link.

export const PhoneFlow: Story = {
  name: 'Phone: the flow of the link it opened',
  args: { config: onPhone },
  beforeEach: phoneClaim({ timeline: ['requires_input'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.requires_input)
    await waitFor(() => expect(canvasElement.querySelector('iframe[allow="camera; microphone"]')).not.toBeNull())
  },
}

export const PhoneVerified: Story = {
  name: 'Phone: verified, back to the computer',
  args: { config: onPhone },
  beforeEach: phoneClaim({ timeline: ['requires_input', 'verified'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, w.verified)
    await expect(within(canvasElement).getByText(p.phoneDoneBody)).toBeVisible()
    await expect(within(canvasElement).queryByRole('button')).toBeNull()
  },
}

export const PhoneNoCamera: Story = {
  name: 'Phone: no camera',
  args: { config: onPhone },
  beforeEach: (context) => {
    phoneClaim({ timeline: ['requires_input'] })(context)
    return cameraIs('absent')()
  },
  play: async ({ canvasElement }) => {
    await heading(canvasElement, device.noCamera)
    await expect(within(canvasElement).getByText(p.phoneNoCameraBody)).toBeVisible()
    // A phone has no phone to hand on to.
    await expect(within(canvasElement).queryByRole('button', { name: device.phoneOption })).toBeNull()
  },
}

export const PhoneLinkAlreadyOpened: Story = {
  name: 'Phone: link already opened elsewhere',
  args: { config: onPhone },
  beforeEach: phoneClaim({ refused: [409, 'handoff_taken'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, p.handoffTakenTitle)
  },
}

export const PhoneLinkExpired: Story = {
  name: 'Phone: link expired',
  args: { config: onPhone },
  beforeEach: phoneClaim({ refused: [410, 'handoff_expired'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, p.handoffExpiredTitle)
  },
}

export const PhoneLinkInvalid: Story = {
  name: 'Phone: link not valid',
  args: { config: onPhone },
  beforeEach: phoneClaim({ refused: [404, 'handoff_not_found'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, p.handoffInvalidTitle)
  },
}

export const PhoneLinkFinished: Story = {
  name: 'Phone: verification already finished',
  args: { config: onPhone },
  beforeEach: phoneClaim({ refused: [410, 'session_finished'] }),
  play: async ({ canvasElement }) => {
    await heading(canvasElement, p.handoffEndedTitle)
  },
}
