import type { PostgresPoolClientLike, PostgresPoolLike } from './postgres-driver'

/**
 * LISTENs on `channel` on one dedicated connection and calls `notify` with each payload (a session
 * id). A dropped connection is replaced, with backoff; once listening again `notify(undefined)`
 * says "something may have been missed, re-read": NOTIFY is not queued for a listener that was
 * away, so this is what keeps a terminal status from being lost (the same is said once the first
 * LISTEN is in place). Returns a stop function.
 */
export function watchNotifications(
  open: () => Promise<PostgresPoolLike>,
  channel: string,
  notify: (sessionId: string | undefined) => void,
): () => Promise<void> {
  let stopped = false
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let delayMs = 100
  let connecting: Promise<void> | undefined

  let current: { client: PostgresPoolClientLike; drop: () => void } | undefined

  const connect = async (): Promise<void> => {
    let next: PostgresPoolClientLike | undefined
    let dropped = false
    // Safe to call twice (a lost connection emits both error and end; stop drops it too).
    const drop = () => {
      if (dropped) return
      dropped = true
      if (current?.client === next) current = undefined
      next?.release(true)
    }
    try {
      next = await (await open()).connect()
      const onLost = () => {
        if (dropped) return
        drop()
        if (!stopped) scheduleReconnect()
      }
      next.on('error', onLost)
      next.on('end', onLost)
      next.on('notification', (message) => {
        if (message.channel === channel) notify(message.payload || undefined)
      })
      await next.query(`LISTEN "${channel}"`)
      if (stopped || dropped) {
        drop()
        return
      }
      current = { client: next, drop }
      delayMs = 100
      // Whatever changed before LISTEN took effect (the first time, or while the connection was
      // down) was not heard: listeners re-read.
      notify(undefined)
    } catch {
      const wasDropped = dropped
      drop()
      if (!stopped && !wasDropped) scheduleReconnect()
    }
  }

  function scheduleReconnect(): void {
    if (retryTimer) return
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      connecting = connect()
    }, delayMs)
    delayMs = Math.min(delayMs * 2, 5000)
  }

  connecting = connect()

  return async () => {
    stopped = true
    if (retryTimer) clearTimeout(retryTimer)
    await connecting
    const listening = current
    current = undefined
    if (listening) {
      await listening.client.query(`UNLISTEN "${channel}"`).catch(() => {})
      listening.drop()
    }
  }
}
