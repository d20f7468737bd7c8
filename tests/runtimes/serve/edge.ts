// Vercel's Edge runtime (edge-runtime): a script that answers fetch events; environment variables
// on process.env as Vercel gives them.
import { createTestHandler } from '../app'

declare const process: { env: Record<string, string | undefined> }
interface FetchEvent extends Event {
  request: Request
  respondWith(response: Promise<Response>): void
}

const handler = createTestHandler(process.env.VERIFY_TEST_OPTIONS)
addEventListener('fetch', (event) => (event as FetchEvent).respondWith(handler((event as FetchEvent).request)))
