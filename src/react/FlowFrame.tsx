'use client'
import { useEffect, useRef } from 'react'
import type { VerificationStore } from '../core'

/**
 * The element the FaceSign iframe mounts into; the store owns the iframe and its listener.
 * `title` names the iframe when it mounts (a later change does not reload the flow).
 */
export function FlowFrame({ store, title }: { store: VerificationStore; title?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new title must not reload the flow
  useEffect(() => (ref.current ? store.attachFlow(ref.current, title) : undefined), [store])
  return <div ref={ref} className="vw-flow" />
}
