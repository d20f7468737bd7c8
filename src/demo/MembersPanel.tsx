import { useQuery } from '@tanstack/react-query'
import { demoKeys, fetchMembers } from './serverApi'

/**
 * Content only the server hands out, once `latestSession(user).status === 'verified'`. The page
 * cannot unlock it: editing this markup or firing onVerified by hand changes nothing on the server.
 */
export function MembersPanel() {
  const { data, error, refetch, isFetching } = useQuery({ queryKey: demoKeys.members(), queryFn: fetchMembers, refetchInterval: 3000 })
  const state = data ? (data.locked ? 'locked' : 'unlocked') : 'loading'
  return (
    <section className="demo-panel" aria-labelledby="demo-members-title" data-state={state}>
      <div className="demo-panel-head">
        <h2 id="demo-members-title">Members only</h2>
        <button type="button" className="demo-link-button" onClick={() => void refetch()} disabled={isFetching}>
          Check again
        </button>
      </div>
      <div aria-live="polite">
        {!data ? (
          <p className="demo-muted">{error ? `Could not ask the server: ${error.message}` : 'Asking the server…'}</p>
        ) : data.locked ? (
          <p>
            <strong>Locked.</strong> The server answered 403: {data.message}
          </p>
        ) : (
          <>
            <p>
              <strong>Unlocked.</strong> {data.message}
            </p>
            <p className="demo-muted">Verified at {new Date(data.verifiedAt).toLocaleTimeString()}.</p>
          </>
        )}
      </div>
    </section>
  )
}
