'use client'
import { useEffect, useRef } from 'react'
import type { VerificationStore } from '../core'

/** The element the FaceSign iframe mounts into; the store owns the iframe and its listener. */
export function FlowFrame({ store }: { store: VerificationStore }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => (ref.current ? store.attachFlow(ref.current) : undefined), [store])
  return <div ref={ref} className="vw-flow" />
}
