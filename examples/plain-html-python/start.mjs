// One command for trying the example: `verify-widget serve` (with the sandbox when no provider key is
// set) and the Python app beside it, sharing made-up secrets. In production they are two services
// you run and configure apart (README.md). Ctrl-C stops both.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const env = process.env
const port = Number(env.PORT ?? 8000)
const here = dirname(fileURLToPath(import.meta.url))
const pkg = fileURLToPath(import.meta.resolve('verify-widget/package.json'))
const cli = join(dirname(pkg), 'dist', 'node', 'cli.js')
const tokenSecret = env.VERIFY_TOKEN_SECRET ?? randomBytes(32).toString('hex')
const webhookSecret = env.VERIFY_WEBHOOK_SECRET ?? `whsec_${randomBytes(32).toString('base64')}`
const sandbox = !env.FACESIGN_API_KEY
const pages = [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
const children = new Set()

function run(command, args, childEnv, onLine) {
  const child = spawn(command, args, { cwd: here, env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] })
  children.add(child)
  let buffered = ''
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    buffered += chunk.toString()
    onLine?.(buffered)
  })
  child.on('exit', (code, signal) => {
    children.delete(child)
    if (stopping) return
    console.error(`${command} ${args[0] ?? ''} exited (${code ?? signal}): stopping.`)
    stop(code ?? 1)
  })
  return child
}

let stopping = false
function stop(code) {
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  const done = () => (children.size === 0 ? process.exit(code) : setTimeout(done, 50))
  done()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

// The service first: the app needs its address and, with the sandbox, the flow host to allow.
const serviceEnv = {
  ...env,
  PORT: env.SERVICE_PORT ?? '0',
  VERIFY_TOKEN_SECRET: tokenSecret,
  VERIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/verify`,
  VERIFY_WEBHOOK_SECRET: webhookSecret,
  VERIFY_CORS_ORIGINS: env.VERIFY_CORS_ORIGINS ?? pages.join(','),
  VERIFY_DATA_DIR: join(here, '.data', 'service'),
}
// The sandbox is a development tool, which the service refuses in production.
if (sandbox) delete serviceEnv.NODE_ENV
let appStarted = false
run(process.execPath, [cli, 'serve', ...(sandbox ? ['--sandbox'] : [])], serviceEnv, (output) => {
  const listening = /listening on (http:\/\/\S+)\/api\/verify/.exec(output)
  if (!listening || !output.includes('Stop with Ctrl-C') || appStarted || stopping) return
  appStarted = true
  const hosts = /allowed-hosts="([^"]*)"/.exec(output)?.[1] ?? ''
  run('python3', ['app.py'], {
    ...env,
    PORT: String(port),
    VERIFY_SERVICE_URL: listening[1],
    VERIFY_TOKEN_SECRET: tokenSecret,
    VERIFY_WEBHOOK_SECRET: webhookSecret,
    VERIFY_ALLOWED_HOSTS: hosts,
    APP_COOKIE_SECRET: env.COOKIE_SECRET ?? randomBytes(32).toString('hex'),
    APP_DATABASE: join(here, '.data', 'app.sqlite3'),
    VERIFY_WIDGET_DIST: join(dirname(pkg), 'dist'),
  })
})
