// Serves a bundled edge script with edge-runtime, the Edge runtime Vercel runs locally: a Node vm
// context holding only the Web APIs of Vercel's Edge runtime. `node edge-server.mjs <script.js>`
import { readFileSync } from 'node:fs'
import { EdgeRuntime, runServer } from 'edge-runtime'

const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('VERIFY_')))
const runtime = new EdgeRuntime({
  initialCode: readFileSync(process.argv[2], 'utf8'),
  // Vercel hands a function its environment variables on process.env.
  extend: (context) => Object.assign(context, { process: { env } }),
})
await runServer({ runtime, port: Number(process.env.PORT), host: '127.0.0.1' })
console.log('listening')
