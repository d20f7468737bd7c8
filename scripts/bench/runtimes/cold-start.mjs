// One cold start inside Node, Bun or Deno: import the bundled backend (VERIFY_BENCH_APP, a file URL),
// create the handler and answer a first request; prints the milliseconds that took, as JSON.
const started = performance.now()
const { createTestHandler } = await import(process.env.VERIFY_BENCH_APP)
const handler = createTestHandler(process.env.VERIFY_TEST_OPTIONS)
const response = await handler(new Request('http://127.0.0.1/api/verify/sessions/vws_none', { headers: { 'x-test-user': 'bench' } }))
await response.text()
console.log(JSON.stringify({ ms: performance.now() - started, status: response.status }))
// The handler's outbox timer would keep the process alive.
process.exit(0)
