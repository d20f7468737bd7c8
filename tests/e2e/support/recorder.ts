import type { BrowserContext, CDPSession, Frame, Page, Request, Response } from '@playwright/test'

/** One thing the browser sent or received, as text. */
export interface Recorded {
  /** `aborted`: a response the page itself cancelled before its body was complete (headers only). */
  kind: 'request' | 'response' | 'aborted'
  url: string
  contentType: string
  text: string
}

export interface TrafficRecorder {
  readonly entries: Recorded[]
  /** Responses whose body the recorder could not read: each one fails the test. */
  readonly unread: string[]
  /**
   * Finished responses whose document went (page closed, iframe removed, navigated away) before
   * their body could be read from it: kept with their headers, and listed here.
   */
  readonly cutOff: string[]
  /** More strings to look for in this test's traffic (keys of servers the test started itself). */
  watchFor(markers: readonly string[]): void
  readonly markers: readonly string[]
  /**
   * Waits until every finished response's body is read (no time limit: the test's timeout is the
   * ceiling). Bodies are gone once their page closes, so this comes before closing pages.
   */
  settleReads(): Promise<void>
  /** Waits for everything still being recorded, streams cut off by a closed page included. */
  settle(): Promise<void>
  /** After the test's pages are closed: settles, and counts anything still open as unread. */
  finish(): Promise<void>
}

const headerText = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304

/** How a request ended: its body complete, or cut off (the page cancelled it, or closed). */
type Ending = { finished: true } | { finished: false; failure: string }

const frameGone = (request: Request): boolean => {
  try {
    return request.frame().isDetached()
  } catch {
    return false
  }
}

const pageOf = (request: Request): Page | undefined => {
  try {
    return request.frame().page()
  } catch {
    return undefined // a service worker's request
  }
}

/**
 * Records every request and response of a browser context: pages, iframes, popups, fetches, SSE
 * streams, with headers and bodies as text.
 * - A body is read as soon as its request has finished, and every such read must succeed.
 * - A stream still open when its page closes (a session that is not over) never finishes: its
 *   messages are taken from Chromium's own EventSource events as they arrive, on every page of the
 *   context, so they are scanned all the same.
 * - A response the page cancelled before its end (a poll aborted on unmount) is kept as `aborted`
 *   with its headers; its body was never whole in the browser either.
 */
export function recordTraffic(context: BrowserContext): TrafficRecorder {
  const entries: Recorded[] = []
  const unread: string[] = []
  const markers: string[] = []
  /** Work that ends by itself (headers, body reads, watching a page): what settleReads waits for. */
  const reading = new Set<Promise<void>>()
  /** Responses whose request has not ended yet, and what to do when it does. */
  const open = new Map<Request, { page: Page | undefined; onEnd: (how: Ending) => Promise<void> }>()
  const watched = new Set<Page>()
  /** Bodies read on each page's own CDP session as they completed, by URL (a fallback, see watchStreams). */
  const readEarly = new Map<string, string[]>()
  const cdpReads = new Set<Promise<void>>()
  /** Navigations per frame: a body's document is gone once its frame navigated again. */
  const navigated = new WeakMap<Frame, number>()
  const navigations = (request: Request) => {
    try {
      return navigated.get(request.frame()) ?? 0
    } catch {
      return 0
    }
  }
  const cutOff: string[] = []
  /** Endings that arrive before their response was registered (the events race across the wire). */
  const ended = new WeakMap<Request, Ending>()
  const track = (work: Promise<void>) => {
    reading.add(work)
    void work.finally(() => reading.delete(work))
  }
  const end = (request: Request, how: Ending) => {
    const entry = open.get(request)
    if (!entry) return
    open.delete(request)
    track(entry.onEnd(how))
  }

  /**
   * Our own CDP session on a page or an out-of-process iframe: each body is read the moment it is
   * complete (a cross-site navigation or a removed iframe takes its process's bodies along before a
   * later read could get them), and each EventSource message is kept as it arrives.
   */
  async function watchTarget(target: Page | Frame): Promise<boolean> {
    let cdp: CDPSession
    try {
      cdp = await context.newCDPSession(target)
    } catch {
      return false // gone already, or a frame that lives in its parent's process (the parent's session sees it)
    }
    const urls = new Map<string, string>()
    // Streamed as it arrives: nothing to read afterwards from a process that may be gone by then.
    const streamed = new Map<string, Promise<Buffer[] | undefined>>()
    const chunks = new Map<string, Buffer[]>()
    cdp.on('Network.responseReceived', (e) => {
      urls.set(e.requestId, e.response.url)
      chunks.set(e.requestId, [])
      streamed.set(
        e.requestId,
        cdp.send('Network.streamResourceContent', { requestId: e.requestId }).then(
          (r) => {
            const list = chunks.get(e.requestId) ?? []
            list.unshift(Buffer.from(r.bufferedData, 'base64'))
            return list
          },
          () => undefined,
        ),
      )
    })
    cdp.on('Network.dataReceived', (e) => {
      if (e.data) chunks.get(e.requestId)?.push(Buffer.from(e.data, 'base64'))
    })
    const keep = (url: string, body: string) => {
      const list = readEarly.get(url) ?? []
      list.push(body)
      readEarly.set(url, list)
    }
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId)
      if (!url) return
      // Asked for at once, in case it finished before streaming could start: a page that navigates
      // right after (a redirect to the provider) takes the body along within milliseconds.
      const direct = cdp.send('Network.getResponseBody', { requestId: e.requestId }).catch(() => undefined)
      const read = (async () => {
        const list = await streamed.get(e.requestId)
        if (list) return keep(url, Buffer.concat(list).toString('utf8'))
        const r = await direct
        if (r) keep(url, r.base64Encoded ? Buffer.from(r.body, 'base64').toString('utf8') : r.body)
      })()
      cdpReads.add(read)
      track(read)
    })
    cdp.on('Network.eventSourceMessageReceived', (e) =>
      entries.push({
        kind: 'response',
        url: urls.get(e.requestId) ?? 'event stream',
        contentType: 'text/event-stream; message',
        text: `event: ${e.eventName}\nid: ${e.eventId}\ndata: ${e.data}`,
      }),
    )
    await cdp.send('Network.enable').catch(() => {})
    return true
  }

  async function watchPage(page: Page): Promise<void> {
    page.on('framenavigated', (frame) => navigated.set(frame, (navigated.get(frame) ?? 0) + 1))
    page.on('close', () => {
      for (const [request, entry] of open) if (entry.page === page) end(request, { finished: false, failure: 'its page closed' })
    })
    // Out-of-process iframes (the provider's flow) have sessions of their own; a frame that is not
    // one yet may become one when it navigates to another site, so each navigation tries again.
    const frames = new Set<Frame>()
    const watchFrame = (frame: Frame) => {
      if (frame === page.mainFrame() || frames.has(frame)) return
      frames.add(frame)
      track(
        watchTarget(frame).then((ok) => {
          if (!ok) frames.delete(frame)
        }),
      )
    }
    page.on('frameattached', watchFrame)
    page.on('framenavigated', watchFrame)
    for (const frame of page.frames()) watchFrame(frame)
    if (await watchTarget(page)) watched.add(page)
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

  const onResponse = (response: Response) => {
    const request = response.request()
    const headers = response.allHeaders().catch(() => response.headers())
    const record = async (kind: Recorded['kind'], body: string) => {
      const h = await headers
      entries.push({ kind, url: response.url(), contentType: h['content-type'] ?? '', text: `${headerText(h)}\n\n${body}` })
    }
    // A redirect has no body of its own: its headers (Location) are what the browser got.
    if (isRedirect(response.status())) return track(record('response', ''))
    const page = pageOf(request)
    const navigationsAtResponse = navigations(request)
    const onEnd = async (how: Ending) => {
      if (how.finished) {
        // Read now, while the page is still there to read it from.
        let body: string | undefined
        let failure = ''
        try {
          body = (await response.body()).toString('utf8')
        } catch (error) {
          failure = error instanceof Error ? error.message.split('\n')[0]! : String(error)
          // Read on the page's own session when it finished (see watchStreams).
          await Promise.allSettled([...cdpReads])
          body = readEarly.get(response.url())?.shift()
        }
        if (body !== undefined) return record('response', body)
        // Its page closed, its iframe was removed, or its document was replaced by a navigation the
        // moment it finished, before any read could reach the process that held it: gone with its
        // document, like a stream cut off. Kept as such (headers scanned), and counted in `cutOff`.
        if (page?.isClosed() || frameGone(request) || navigations(request) > navigationsAtResponse) {
          cutOff.push(`${response.url()}: ${failure}`)
          return record('aborted', '')
        }
        unread.push(`${response.url()}: ${failure}`)
        return
      }
      await record('aborted', '')
      // A stream cut off when its page closed: its messages must have been heard as they came.
      if ((await headers)['content-type']?.startsWith('text/event-stream') && (!page || !watched.has(page)))
        unread.push(`${response.url()}: an event stream whose messages were not watched (${how.failure})`)
    }
    // The request may have ended before its response event reached this process.
    const early = ended.get(request)
    if (early) track(onEnd(early))
    else open.set(request, { page, onEnd })
  }

  const onFinished = (request: Request) => {
    ended.set(request, { finished: true })
    end(request, { finished: true })
  }
  const onFailed = (request: Request) => {
    const how: Ending = { finished: false, failure: request.failure()?.errorText ?? 'failed' }
    ended.set(request, how)
    end(request, how)
  }

  for (const page of context.pages()) track(watchPage(page))
  context.on('page', (page) => track(watchPage(page)))
  context.on('request', onRequest)
  context.on('response', onResponse)
  context.on('requestfinished', onFinished)
  context.on('requestfailed', onFailed)
  return {
    entries,
    unread,
    cutOff,
    markers,
    watchFor(more) {
      markers.push(...more)
    },
    async settleReads() {
      while (reading.size > 0) await Promise.allSettled([...reading])
    },
    async settle() {
      await this.settleReads()
      for (const request of [...open.keys()])
        if (pageOf(request)?.isClosed() !== false) end(request, { finished: false, failure: 'its page closed' })
      await this.settleReads()
    },
    async finish() {
      await this.settle()
      for (const request of open.keys()) unread.push(`${request.url()}: still open when the test ended`)
      open.clear()
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
