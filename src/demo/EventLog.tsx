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
        // role="log" on the list itself would hide its items from the list semantics.
        <div role="log" aria-label="Widget callbacks">
          <ol className="demo-log">
            {entries.map((e) => (
              <li key={e.id}>
                <time>{e.at}</time> <code>{e.callback}</code> <span className="demo-muted">{e.source}</span> {e.detail}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
