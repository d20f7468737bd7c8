import type { BrowserContext, Request, Response } from '@playwright/test'

/** One thing the browser sent or received, as text. */
export interface Recorded {
  kind: 'request' | 'response'
  url: string
  contentType: string
  text: string
}

export interface TrafficRecorder {
  readonly entries: Recorded[]
  /** Waits for the bodies still being read (SSE streams end when the session is terminal). */
  settle(): Promise<void>
}

const BODY_WAIT_MS = 3000

const headerText = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')

/**
 * Records every request and response of a browser context: pages, iframes, popups, fetches, SSE
 * streams (their body is read when the server ends them), with headers and bodies as text.
 */
export function recordTraffic(context: BrowserContext): TrafficRecorder {
  const entries: Recorded[] = []
  const pending = new Set<Promise<void>>()
  const track = (work: Promise<void>) => {
    pending.add(work)
    void work.finally(() => pending.delete(work))
  }

  const onRequest = (request: Request) =>
    track(
      (async () => {
        const headers = await request.allHeaders().catch(() => request.headers())
        const body = request.postDataBuffer()?.toString('utf8') ?? ''
        entries.push({
          kind: 'request',
          url: request.url(),
          contentType: headers['content-type'] ?? '',
          text: `${headerText(headers)}\n\n${body}`,
        })
      })(),
    )
  const onResponse = (response: Response) =>
    track(
      (async () => {
        const headers = await response.allHeaders().catch(() => response.headers())
        // A stream that never ends (a session still open when the test stops) has no body to give.
        const body = await Promise.race([
          response.body().then(
            (b) => b.toString('utf8'),
            () => '',
          ),
          new Promise<string>((r) => setTimeout(() => r(''), BODY_WAIT_MS)),
        ])
        entries.push({
          kind: 'response',
          url: response.url(),
          contentType: headers['content-type'] ?? '',
          text: `${headerText(headers)}\n\n${body}`,
        })
      })(),
    )
  context.on('request', onRequest)
  context.on('response', onResponse)
  return {
    entries,
    async settle() {
      while (pending.size > 0) await Promise.allSettled([...pending])
    },
  }
}

/** Every place a marker or an API-key-shaped string shows up in what the browser saw. */
export function findLeaks(entries: readonly Recorded[], markers: readonly string[]): string[] {
  const found: string[] = []
  for (const entry of entries) {
    const hits = markers.filter((m) => entry.text.includes(m))
    if (/sk_(test|live)_/.test(entry.text)) hits.push('sk_test_/sk_live_')
    if (hits.length) found.push(`${entry.kind} ${entry.url}: ${hits.join(', ')}`)
  }
  return found
}
