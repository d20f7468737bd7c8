import { useEffect, useRef } from 'react'
import type { VerificationStore } from '../core'
import { FLOW_TIMEOUT_MS, watchFlowLoad } from '../ui/flow-watch'

/**
 * The FaceSign flow in the page, watched until it loads: a frame the page's CSP refuses, or one that
 * does not load in time, is reported through `onFailed` (a retry and the phone), never an endless wait.
 * `title` names the iframe when it mounts (a later change does not reload the flow).
 */
export function HostedFlow({ store, title, onFailed }: { store: VerificationStore; title: string; onFailed: () => void }) {
  const ref = useRef<HTMLDivElement>(null)
  const failed = useRef(onFailed)
  failed.current = onFailed
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new title must not reload the flow
  useEffect(() => {
    const element = ref.current!
    const detach = store.attachFlow(element, title)
    const unwatch = watchFlowLoad(element, FLOW_TIMEOUT_MS, (load) => load.loaded || failed.current())
    return () => {
      unwatch()
      detach()
    }
  }, [store])
  return <div ref={ref} className="vw-flow" />
}
