// Vercel's Edge runtime (edge-runtime): a script that answers fetch events; environment variables
// on process.env as Vercel gives them.
import { createTestHandler } from '../app'

declare const process: { env: Record<string, string | undefined> }
interface FetchEvent extends Event {
  request: Request
  respondWith(response: Promise<Response>): void
  waitUntil(work: Promise<unknown>): void
}

const handler = createTestHandler(process.env.VERIFY_TEST_OPTIONS)
addEventListener('fetch', (event) => {
  const fetchEvent = event as FetchEvent
  fetchEvent.respondWith(handler(fetchEvent.request))
  // The outcome webhook a status change sends runs on after the answer.
  fetchEvent.waitUntil(handler.idle())
})
