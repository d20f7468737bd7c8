import { useQuery } from '@tanstack/react-query'
import { demoKeys, fetchOutcomes } from './serverApi'

/** The backend's onStatusChange calls for this visitor (durable, at least once), newest first. */
export function ServerLog() {
  const { data = [], error } = useQuery({ queryKey: demoKeys.outcomes(), queryFn: fetchOutcomes, refetchInterval: 2000 })
  return (
    <section className="demo-panel" aria-labelledby="demo-server-log-title">
      <h2 id="demo-server-log-title">Server log</h2>
      {data.length === 0 ? (
        <p className="demo-muted">
          {error ? `Could not ask the server: ${error.message}` : 'The backend’s onStatusChange calls appear here, from the outbox.'}
        </p>
      ) : (
        <div role="log" aria-label="Server onStatusChange calls">
          <ol className="demo-log">
            {data.map((c) => (
              <li key={c.eventId}>
                <time dateTime={c.deliveredAt}>{new Date(c.deliveredAt).toLocaleTimeString()}</time> <code>onStatusChange</code>{' '}
                <span className="demo-muted">server</span> {c.session.sessionId} {c.previousStatus} → {c.status}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
