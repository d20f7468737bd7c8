import { type RefObject, useEffect, useRef, useState } from 'react'
import { loadDeviceMessages } from '../react/locales/device/catalogs'
import type { DeviceMessages } from '../react/locales/device/en'
import { browserFamily } from '../ui/camera'
import { errorText } from '../ui/error-text'
import type { HostedStrings } from './strings'
import type { HostedDevice } from './useHostedVerification'

export interface DeviceCardProps {
  device: HostedDevice
  /** The session's handoff state from its stream: `opened` once the phone opened the link. */
  handoff: string | undefined
  strings: HostedStrings
  /** This page is the phone: no phone to hand on to. */
  phone: boolean
  headingRef: RefObject<HTMLHeadingElement | null>
  onRetry: () => void
  onPhone: () => void
  onCancel: () => void
}

const DENIED = {
  chromium: 'deniedChromium',
  firefox: 'deniedFirefox',
  safari: 'deniedSafari',
  ios: 'deniedIos',
  other: 'deniedOther',
} as const

/** The QR code, drawn by the encoder's chunk when the link first shows. */
function QrCode({ url, label }: { url: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let current = true
    import('../ui/qr').then(
      ({ qrSvg }) => current && ref.current?.replaceChildren(qrSvg(document, url, label)),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [url, label])
  return <div ref={ref} className="vwh-qr" />
}

/**
 * What the hosted page shows instead of the flow (a chunk of its own, with its strings): how to allow a
 * blocked camera, a phone without a camera, a flow that did not load, and "continue on your phone" with
 * its QR code, the link, "Copy link" and the steps as the session's stream tells them.
 */
export default function DeviceCard({ device, handoff, strings, phone, headingRef, onRetry, onPhone, onCancel }: DeviceCardProps) {
  const [messages, setMessages] = useState<DeviceMessages>()
  const [copied, setCopied] = useState(false)
  const [, setTick] = useState(0)
  useEffect(() => {
    let current = true
    loadDeviceMessages(strings.locale).then((m) => current && setMessages(m))
    return () => {
      current = false
    }
  }, [strings.locale])
  const link = device.link
  // The link runs out while it is on screen: the view says so then, not at the next render.
  useEffect(() => {
    if (!link) return
    const timer = setTimeout(() => setTick((n) => n + 1), Math.max(0, Date.parse(link.expiresAt) - Date.now()))
    return () => clearTimeout(timer)
  }, [link])
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])
  // The heading takes focus when this card first shows (the page's own effect may run before it loaded).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view, and the strings arriving, move focus
  useEffect(() => headingRef.current?.focus(), [device.view, messages === undefined])

  const m = messages
  const { widget: w } = strings
  const opened = handoff === 'opened'
  const expired = !!link && !opened && Date.parse(link.expiresAt) <= Date.now()
  const copy = (url: string) =>
    navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => undefined,
    )
  let title = w.starting
  let body = ''
  let status = ''
  let actions: [string, () => void, boolean][] = []
  if (m) {
    const retry: [string, () => void, boolean] = [w.retry, onRetry, true]
    const toPhone: [string, () => void, boolean][] = phone ? [] : [[m.phoneOption, onPhone, false]]
    if (device.view === 'camera_denied') {
      title = m.cameraDenied
      body = m[DENIED[browserFamily(navigator.userAgent, navigator.maxTouchPoints)]]
      actions = [retry, ...toPhone]
    } else if (device.view === 'flow_failed') {
      title = m.flowFailed
      body = m.flowFailedHint
      actions = [retry, ...toPhone]
    } else if (device.view === 'no_camera') {
      title = m.noCamera
      body = strings.page.phoneNoCameraBody
    } else {
      title = m.phoneOption
      body = m.handoffScan
      status = device.error
        ? w[errorText(device.error)]
        : opened
          ? m.handoffOpened
          : expired
            ? m.handoffExpired
            : !link
              ? w.starting
              : copied
                ? m.linkCopied
                : m.handoffWaiting
      const showLink = link && !opened && !expired
      actions = [
        ...(showLink ? [[copied ? m.linkCopied : m.copyLink, () => void copy(link.url), true] as [string, () => void, boolean]] : []),
        ...(link || device.error || opened ? [[m.newLink, onPhone, !showLink] as [string, () => void, boolean]] : []),
        [m.cancel, onCancel, false],
      ]
    }
  }
  const showLink = m && device.view === 'handoff' && link && !opened && !expired
  return (
    <section
      className="vwh-card"
      data-view={device.view}
      data-handoff={device.view === 'handoff' ? (opened ? 'opened' : expired ? 'expired' : link ? 'waiting' : 'making') : undefined}
      aria-labelledby="vwh-state-title"
      aria-busy={!m}
    >
      <h2 id="vwh-state-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {body && <p>{body}</p>}
      {showLink && (
        <>
          <QrCode url={link.url} label={m.qrLabel} />
          <p className="vwh-link">{link.url}</p>
        </>
      )}
      {device.view === 'handoff' && (
        <p className="vwh-step" role="status">
          {status}
        </p>
      )}
      {actions.length > 0 && (
        <div className="vwh-actions">
          {actions.map(([label, run, primary]) => (
            <button key={label} type="button" className="vwh-button" data-variant={primary ? undefined : 'secondary'} onClick={run}>
              {label}
            </button>
          ))}
        </div>
      )}
    </section>
  )
}
