import { useEffect, useRef, useState } from 'react'

/**
 * Whole seconds left until `until` (epoch ms), ticking once a second, and `onDone` once at zero.
 * `onDone` is read through a ref so a new callback each render does not restart the timer.
 */
const secondsUntil = (until: number | undefined) => (until === undefined ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000)))

export function useCountdown(until: number | undefined, onDone: () => void): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(until))
  const done = useRef(onDone)
  done.current = onDone

  useEffect(() => {
    if (until === undefined) return
    const tick = () => {
      const remaining = secondsUntil(until)
      setSeconds(remaining)
      if (remaining === 0) {
        clearInterval(timer)
        done.current()
      }
    }
    const timer = setInterval(tick, 1000)
    tick()
    return () => clearInterval(timer)
  }, [until])

  return seconds
}
