import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { type Provider, type VerificationResult, VerifyButton, type VerifyError, type VerifyMode, VerifyProvider } from '../react'
import { EventLog, type LogEntry } from './EventLog'
import { LiveStatus } from './LiveStatus'
import { MembersPanel } from './MembersPanel'
import { ServerLog } from './ServerLog'
import { demoKeys } from './serverApi'

const PROVIDERS: readonly Provider[] = ['facesign', 'faceverify']
const MODES: readonly VerifyMode[] = ['modal', 'inline', 'redirect', 'popup']

const NOTES: Record<Provider, Partial<Record<VerifyMode, string>>> = {
  facesign: {
    modal: 'The flow in an accessible dialog.',
    inline: 'The flow right below the button.',
    redirect: 'Leaves for the flow and comes back here.',
    popup: 'The flow in a separate window.',
  },
  faceverify: {
    modal: 'FaceVerify runs on its own page: modal and inline redirect.',
    inline: 'Same as redirect; comes back to the hosted page.',
    redirect: 'Returns to the hosted page at /.',
    popup: 'The provider page in a separate window.',
  },
}

const LOG_LIMIT = 50

/** The server panels ask again whenever a browser callback fires; the answer is still the server's. */
function useServerRefresh() {
  const queryClient = useQueryClient()
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: demoKeys.all }), [queryClient])
}

type RecordEvent = (source: string, callback: string, detail: string) => void

export function DemoApp() {
  const [log, setLog] = useState<LogEntry[]>([])
  const nextId = useRef(0)
  const record = useCallback<RecordEvent>((source, callback, detail) => {
    nextId.current += 1
    const entry = { id: nextId.current, at: new Date().toLocaleTimeString(), source, callback, detail }
    setLog((entries) => [entry, ...entries].slice(0, LOG_LIMIT))
  }, [])
  return (
    // Inline on purpose, as integrators write it: every callback re-renders this component with a
    // new `appearance` object, and a running verification must carry on regardless.
    <VerifyProvider appearance={{ theme: 'auto' }}>
      <DemoPage log={log} record={record} onClear={() => setLog([])} />
    </VerifyProvider>
  )
}

function DemoPage({ log, record, onClear }: { log: LogEntry[]; record: RecordEvent; onClear: () => void }) {
  const refreshServer = useServerRefresh()
  const [sessionId, setSessionId] = useState<string>()

  const callbacks = (source: string) => {
    const result = (name: string) => (r: VerificationResult) => {
      setSessionId(r.sessionId)
      record(source, name, `${r.sessionId} → ${r.status}`)
      refreshServer()
    }
    return {
      onStatusChange: result('onStatusChange'),
      onVerified: result('onVerified'),
      onFailed: result('onFailed'),
      onCancel: result('onCancel'),
      onError: (e: VerifyError) => record(source, 'onError', `${e.code}: ${e.message}`),
    }
  }

  return (
    <>
      <header className="demo-header">
        <h1>verify-widget demo</h1>
        <p>
          Every button talks to this app's backend at <code>/api/verify</code>, which talks to the local sandbox providers. No key reaches
          this page. Try each provider and mode; the status and every callback show up on the right. The browser callbacks are UI signals
          only: the members area opens when the server says this visitor is verified, and the server log shows the backend's own
          onStatusChange calls.
        </p>
        <p>
          <a href="../">Open the hosted verification page</a>
        </p>
      </header>
      <main className="demo-main">
        <div className="demo-grid">
          {PROVIDERS.map((provider) => (
            <section key={provider} className="demo-provider" aria-labelledby={`demo-${provider}`}>
              <h2 id={`demo-${provider}`}>{provider === 'facesign' ? 'FaceSign' : 'FaceVerify'}</h2>
              <ul className="demo-cards">
                {MODES.map((mode) => (
                  <li key={mode} className="demo-card">
                    <h3>
                      <code>mode="{mode}"</code>
                    </h3>
                    <p className="demo-muted">{NOTES[provider][mode]}</p>
                    <VerifyButton provider={provider} mode={mode} resume={mode === 'redirect'} {...callbacks(`${provider}/${mode}`)} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <aside className="demo-side" aria-label="Status and events">
          <MembersPanel />
          <LiveStatus sessionId={sessionId} />
          <EventLog entries={log} onClear={onClear} />
          <ServerLog />
        </aside>
      </main>
    </>
  )
}
