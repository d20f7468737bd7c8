// One cold start in edge-runtime (Vercel's Edge runtime): evaluate the bundled script (which creates
// the handler) and answer a first fetch event; prints the milliseconds that took, as JSON.
// `node edge-cold-start.mjs <script.js>`
import { readFileSync } from 'node:fs'
import { EdgeRuntime } from 'edge-runtime'

const code = readFileSync(process.argv[2], 'utf8')
const env = { VERIFY_TEST_OPTIONS: process.env.VERIFY_TEST_OPTIONS }
const started = performance.now()
const runtime = new EdgeRuntime({ initialCode: code, extend: (context) => Object.assign(context, { process: { env } }) })
const response = await runtime.dispatchFetch('http://127.0.0.1/api/verify/sessions/vws_none', { headers: { 'x-test-user': 'bench' } })
await response.text()
console.log(JSON.stringify({ ms: performance.now() - started, status: response.status }))
process.exit(0)
