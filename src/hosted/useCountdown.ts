import { useEffect, useRef, useState } from 'react'

/**
 * Whole seconds left until `until` (epoch ms), ticking once a second, and `onDone` once at zero.
 * `onDone` is read through a ref so a new callback each render does not restart the timer.
 */
export function useCountdown(until: number | undefined, onDone: () => void): number {
  const left = () => (until === undefined ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000)))
  const [seconds, setSeconds] = useState(left)
  const done = useRef(onDone)
  done.current = onDone

  useEffect(() => {
    if (until === undefined) return
    const tick = () => {
      const remaining = Math.max(0, Math.ceil((until - Date.now()) / 1000))
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
