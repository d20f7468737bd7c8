import { loadDeviceMessages } from '../react/locales/device/catalogs'
import type { DeviceMessages } from '../react/locales/device/en'
import { browserFamily } from '../ui/camera'
import { errorText } from '../ui/error-text'
import type { CardAction, CardContent } from './card'
import type { HostedStrings } from './strings'
import type { HostedDevice } from './verification'

export interface DeviceCardInput {
  device: HostedDevice
  /** The session's handoff state from its stream: `opened` once the phone opened the link. */
  handoff: string | undefined
  strings: HostedStrings
  /** This page is the phone: no phone to hand on to. */
  phone: boolean
  retry(): void
  toPhone(): void
  cancel(): void
}

export interface DeviceCard {
  /** The card for `input`, or undefined while the strings of its language load (the first time only). */
  content(input: DeviceCardInput): CardContent | undefined
  /** Clears its timers; safe to call twice. */
  destroy(): void
}

const DENIED = {
  chromium: 'deniedChromium',
  firefox: 'deniedFirefox',
  safari: 'deniedSafari',
  ios: 'deniedIos',
  other: 'deniedOther',
} as const

/**
 * What the hosted page shows instead of the flow (a chunk of its own, with its strings): how to allow a
 * blocked camera, a phone without a camera, a flow that did not load, and "continue on your phone" with
 * its QR code (the encoder is a chunk of its own too), the link, "Copy link" and the steps as the
 * session's stream tells them. `changed` asks the page to paint again (strings arrived, the link ran out).
 */
export function createDeviceCard(doc: Document, changed: () => void): DeviceCard {
  const qr = doc.createElement('div')
  const link = doc.createElement('p')
  const step = doc.createElement('p')
  qr.className = 'vwh-qr'
  link.className = 'vwh-link'
  step.className = 'vwh-step'
  step.setAttribute('role', 'status')
  let messages: DeviceMessages | undefined
  let locale: string | undefined
  let copied: ReturnType<typeof setTimeout> | undefined
  let expiry: ReturnType<typeof setTimeout> | undefined
  let timed: string | undefined
  let drawn: string | undefined

  async function copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url)
      clearTimeout(copied)
      copied = setTimeout(() => {
        copied = undefined
        changed()
      }, 2000)
    } catch {
      // No clipboard (permissions, an old browser): the link is selected for a copy by hand.
      doc.getSelection()?.selectAllChildren(link)
    }
    changed()
  }

  function draw(url: string, label: string): void {
    if (drawn === url + label) return
    drawn = url + label
    qr.replaceChildren()
    import('../ui/qr').then(
      ({ qrSvg }) => drawn === url + label && qr.replaceChildren(qrSvg(doc, url, label)),
      () => undefined,
    )
  }

  return {
    content({ device, handoff, strings, phone, retry, toPhone, cancel }) {
      // The previous language's strings stay until the new ones arrive.
      if (strings.locale !== locale) {
        const wanted = strings.locale
        locale = wanted
        loadDeviceMessages(wanted).then((loaded) => {
          if (locale !== wanted) return
          messages = loaded
          changed()
        })
      }
      const m = messages
      if (!m) return undefined
      const { widget: w } = strings
      const made = device.link
      // The link runs out while it is on screen: the view says so then, not at the next change.
      if (made && timed !== made.url) {
        timed = made.url
        clearTimeout(expiry)
        expiry = setTimeout(changed, Math.max(0, Date.parse(made.expiresAt) - Date.now()))
      }
      const again: CardAction = { label: w.retry, run: retry }
      const onPhone: CardAction[] = phone ? [] : [{ label: m.phoneOption, run: toPhone, secondary: true }]
      const base = { view: device.view, busy: false, extras: [] }
      if (device.view === 'camera_denied')
        return {
          ...base,
          title: m.cameraDenied,
          body: m[DENIED[browserFamily(navigator.userAgent, navigator.maxTouchPoints)]],
          actions: [again, ...onPhone],
        }
      if (device.view === 'flow_failed') return { ...base, title: m.flowFailed, body: m.flowFailedHint, actions: [again, ...onPhone] }
      if (device.view === 'no_camera') return { ...base, title: m.noCamera, body: strings.page.phoneNoCameraBody, actions: [] }

      const opened = handoff === 'opened'
      const expired = !!made && !opened && Date.parse(made.expiresAt) <= Date.now()
      const showLink = !!made && !opened && !expired
      step.textContent = device.error
        ? w[errorText(device.error)]
        : opened
          ? m.handoffOpened
          : expired
            ? m.handoffExpired
            : !made
              ? w.starting
              : copied
                ? m.linkCopied
                : m.handoffWaiting
      if (showLink) {
        link.textContent = made.url
        draw(made.url, m.qrLabel)
      }
      return {
        ...base,
        handoff: opened ? 'opened' : expired ? 'expired' : made ? 'waiting' : 'making',
        title: m.phoneOption,
        body: m.handoffScan,
        extras: showLink ? [qr, link, step] : [step],
        actions: [
          ...(showLink ? [{ label: copied ? m.linkCopied : m.copyLink, run: () => void copy(made.url) }] : []),
          ...(made || device.error || opened ? [{ label: m.newLink, run: toPhone, secondary: showLink }] : []),
          { label: m.cancel, run: cancel, secondary: true },
        ],
      }
    },
    destroy() {
      clearTimeout(copied)
      clearTimeout(expiry)
    },
  }
}
