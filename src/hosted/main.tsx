import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

function HostedPage() {
  return (
    <main>
      <h1>Verify your identity</h1>
    </main>
  )
}

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <HostedPage />
    </StrictMode>,
  )
