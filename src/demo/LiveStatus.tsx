import { useVerificationStatus } from '../react'

/** The backend's view of the latest session, through the public hook (SSE, else polling). */
export function LiveStatus({ sessionId }: { sessionId: string | undefined }) {
  const { data, error, isFetching } = useVerificationStatus(sessionId)
  return (
    <section className="demo-panel" aria-labelledby="demo-status-title">
      <h2 id="demo-status-title">Live status</h2>
      {!sessionId ? (
        <p className="demo-muted">Start any button to follow its session here.</p>
      ) : (
        <dl className="demo-status" aria-live="polite" aria-busy={isFetching && !data}>
          <dt>Session</dt>
          <dd>
            <code>{sessionId}</code>
          </dd>
          <dt>Status</dt>
          <dd data-status={data?.status}>{data?.status ?? (error ? `unavailable (${error.message})` : 'loading…')}</dd>
          <dt>Provider</dt>
          <dd>{data?.provider ?? '—'}</dd>
          <dt>Mode</dt>
          <dd>{data ? (data.livemode ? 'live' : 'test') : '—'}</dd>
          <dt>Updated</dt>
          <dd>{data ? new Date(data.updatedAt).toLocaleTimeString() : '—'}</dd>
        </dl>
      )}
    </section>
  )
}
