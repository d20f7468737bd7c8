export interface LogEntry {
  id: number
  at: string
  source: string
  callback: string
  detail: string
}

/** Every widget callback as it fires, newest first. */
export function EventLog({ entries, onClear }: { entries: readonly LogEntry[]; onClear: () => void }) {
  return (
    <section className="demo-panel" aria-labelledby="demo-log-title">
      <div className="demo-panel-head">
        <h2 id="demo-log-title">Event log</h2>
        <button type="button" className="demo-link-button" onClick={onClear} disabled={entries.length === 0}>
          Clear
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="demo-muted">Callbacks appear here (onStatusChange, onVerified, onFailed, onCancel, onError).</p>
      ) : (
        <ol className="demo-log" role="log" aria-label="Widget callbacks">
          {entries.map((e) => (
            <li key={e.id}>
              <time>{e.at}</time> <code>{e.callback}</code> <span className="demo-muted">{e.source}</span> {e.detail}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
