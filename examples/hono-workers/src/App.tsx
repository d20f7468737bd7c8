import { useState } from 'react'
import { VerifyButton, VerifyProvider } from 'verify-widget'

/** The members-only answer comes from the server; the button's callbacks only tell the page to ask. */
async function askMembersArea(): Promise<string> {
  const response = await fetch('/api/members')
  return response.ok ? ((await response.json()) as { message: string }).message : `Members only (${response.status})`
}

export function App() {
  const [members, setMembers] = useState('Members only: verify to enter.')
  const [verified, setVerified] = useState(false)
  return (
    <main>
      <h1>verify-widget on Hono + Cloudflare Workers</h1>
      <VerifyProvider endpoint="/api/verify">
        <VerifyButton
          provider="facesign"
          onVerified={async () => {
            setVerified(true)
            setMembers(await askMembersArea())
          }}
        />
      </VerifyProvider>
      <p data-testid="verified">{verified ? 'Verified' : 'Not verified yet'}</p>
      <p data-testid="members">{members}</p>
      <button type="button" onClick={async () => setMembers(await askMembersArea())}>
        Members area
      </button>
    </main>
  )
}
