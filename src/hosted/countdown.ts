export interface Countdown {
  /** `p.vwh-countdown`: the sentence with the seconds left. */
  readonly node: HTMLParagraphElement
  /** Counts down `ms` from now, once a second, then calls `onDone` once. A running countdown starts over. */
  start(ms: number): void
  /** Writes the sentence again (new strings). */
  update(): void
  /** Stops without calling `onDone`; safe to call twice. */
  stop(): void
}

/** Whole seconds from now until `until` (epoch ms), never below zero. */
const secondsUntil = (until: number) => Math.max(0, Math.ceil((until - Date.now()) / 1000))

/**
 * A rate limit's wait: the seconds left, written by `format` (plural forms and digits of the page's
 * language), then `onDone` (the page tries again by itself).
 */
export function createCountdown(doc: Document, format: (seconds: number) => string, onDone: () => void): Countdown {
  const node = doc.createElement('p')
  node.className = 'vwh-countdown'
  let until = 0
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = () => {
    clearInterval(timer)
    timer = undefined
  }
  const tick = () => {
    const seconds = secondsUntil(until)
    node.textContent = format(seconds)
    if (seconds === 0) {
      stop()
      onDone()
    }
  }
  return {
    node,
    start(ms) {
      stop()
      until = Date.now() + ms
      timer = setInterval(tick, 1000)
      tick()
    },
    update() {
      node.textContent = format(secondsUntil(until))
    },
    stop,
  }
}
