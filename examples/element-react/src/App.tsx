// <verify-button> in JSX, typed: attributes and `onverify-…` listeners (React 19 attaches them as events).

import { useState } from 'react'
import type {} from 'verify-widget/element/react'

/** The members-only answer comes from the server; the element's events only tell the page to ask. */
async function askMembersArea(): Promise<string> {
  const response = await fetch('/api/members')
  return response.ok ? ((await response.json()) as { message: string }).message : `Members only (${response.status})`
}

export function App() {
  const [members, setMembers] = useState('Members only: verify to enter.')
  const [verified, setVerified] = useState(false)
  const [status, setStatus] = useState('-')
  return (
    <main>
      <h1>verify-widget: &lt;verify-button&gt; in React 19</h1>
      <verify-button
        provider="facesign"
        onverify-status={(event) => setStatus(event.detail.status)}
        onverify-verified={async () => {
          setVerified(true)
          setMembers(await askMembersArea())
        }}
      />
      <p data-testid="status">{status}</p>
      <p data-testid="verified">{verified ? 'Verified' : 'Not verified yet'}</p>
      <p data-testid="members">{members}</p>
      <button type="button" onClick={async () => setMembers(await askMembersArea())}>
        Members area
      </button>
    </main>
  )
}
