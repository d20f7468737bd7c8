// `npm start`: the Worker in workerd (wrangler dev) on PORT (default 8787). Without FACESIGN_API_KEY
// the local sandbox stands in for FaceSign here, in Node, and the Worker is pointed at it; with it,
// put FACESIGN_API_KEY and FACESIGN_WEBHOOK_SECRET in .dev.vars as wrangler reads them.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { startSandbox } from 'verify-widget/sandbox'

const port = Number(process.env.PORT ?? 8787)
// A local run makes up the cookie key when none is given; the page's origin is the Origin check's.
const vars = {
  COOKIE_SECRET: process.env.COOKIE_SECRET ?? randomBytes(32).toString('hex'),
  PUBLIC_ORIGIN: process.env.APP_URL ?? `http://localhost:${port}`,
}
if (!process.env.FACESIGN_API_KEY) {
  const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0) })
  // Where the sandbox sends its webhooks: the address wrangler dev listens on.
  const { facesign } = sandbox.handlerOptions({ appUrl: `http://127.0.0.1:${port}` })
  Object.assign(vars, {
    FACESIGN_API_KEY: facesign.apiKey,
    FACESIGN_WEBHOOK_SECRET: facesign.webhookSecret,
    FACESIGN_BASE_URL: facesign.baseUrl,
    FACESIGN_FLOW_URL: facesign.flowUrl,
    SANDBOX_ALLOWED_HOSTS: sandbox.allowedHosts.join(','),
  })
}
const args = ['dev', '--port', String(port), '--ip', '127.0.0.1', ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])]
// Offline: request.cf keeps wrangler's defaults instead of being fetched from Cloudflare.
const wrangler = spawn('wrangler', args, { stdio: 'inherit', env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' } })
wrangler.on('exit', (code) => process.exit(code ?? 1))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => wrangler.kill(signal))
