import { verify } from '../lib/verify'
import { Verify } from './verify'

// Per request: the sandbox's host is known only once the server runs.
export const dynamic = 'force-dynamic'

export default async function Home() {
  const { allowedHosts } = await verify()
  return (
    <main>
      <h1>verify-widget on Next.js</h1>
      <Verify allowedHosts={allowedHosts} />
    </main>
  )
}
