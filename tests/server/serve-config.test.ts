import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, readInvocation, readServeConfig } from '../../src/server/node/cli/config'
import { SETTINGS, serveHelp } from '../../src/server/node/cli/settings'
import { runCli, startServe } from './serve-process'

const TOKEN = 'a'.repeat(64)
const WHSEC = `whsec_${Buffer.alloc(32, 7).toString('base64')}`
/** A configuration that starts: each test breaks one thing. */
const GOOD = {
  VERIFY_TOKEN_SECRET: TOKEN,
  VERIFY_WEBHOOK_URL: 'https://shop.example/webhooks/verify',
  VERIFY_WEBHOOK_SECRET: WHSEC,
  FACESIGN_API_KEY: 'sk_test_config',
  FACESIGN_WEBHOOK_SECRET: 'whk_config',
}
const dir = mkdtempSync(join(tmpdir(), 'vw-serve-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Every problem a configuration has, as the service prints them. */
function problems(values: Record<string, string | undefined>, argv: string[] = []): string[] {
  try {
    readServeConfig(readInvocation(argv, values).values)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('verify-widget serve settings', () => {
  it('a complete configuration has no problem, and its defaults are the documented ones', () => {
    expect(problems(GOOD)).toEqual([])
    const config = readServeConfig(GOOD)
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      basePath: '/api/verify',
      corsOrigins: [],
      trustProxy: false,
      token: { secrets: [TOKEN], audience: 'verify-widget', maxAgeSeconds: 300 },
      webhook: { url: GOOD.VERIFY_WEBHOOK_URL, secrets: [WHSEC], timeoutMs: 10_000, attempts: 24 },
      facesign: { apiKey: 'sk_test_config', webhookSecret: 'whk_config' },
      store: { kind: 'sqlite', path: expect.stringMatching(/\.data\/verify\.sqlite$/) },
    })
  })

  it.each([
    ['VERIFY_TOKEN_SECRET', { VERIFY_TOKEN_SECRET: undefined }, /^VERIFY_TOKEN_SECRET is missing: .*openssl rand -hex 32/],
    ['VERIFY_TOKEN_SECRET', { VERIFY_TOKEN_SECRET: 'too-short' }, /^VERIFY_TOKEN_SECRET is 9 bytes; it must be at least 32/],
    ['VERIFY_TOKEN_SECRET', { VERIFY_TOKEN_SECRET: `${TOKEN},short` }, /^VERIFY_TOKEN_SECRET \(secret 2\) is 5 bytes/],
    [
      'VERIFY_TOKEN_MAX_AGE',
      { VERIFY_TOKEN_MAX_AGE: '86400' },
      /^VERIFY_TOKEN_MAX_AGE \(--token-max-age\) must be a whole number from 1 to 3600; got "86400"/,
    ],
    ['VERIFY_WEBHOOK_URL', { VERIFY_WEBHOOK_URL: undefined }, /^VERIFY_WEBHOOK_URL \(--webhook-url\) is missing: your app's endpoint/],
    ['VERIFY_WEBHOOK_URL', { VERIFY_WEBHOOK_URL: 'shop.example/hooks' }, /^VERIFY_WEBHOOK_URL \(--webhook-url\) must be an http\(s\) URL/],
    ['VERIFY_WEBHOOK_SECRET', { VERIFY_WEBHOOK_SECRET: undefined }, /^VERIFY_WEBHOOK_SECRET is missing: .*whsec_/],
    [
      'VERIFY_WEBHOOK_SECRET',
      { VERIFY_WEBHOOK_SECRET: 'hunter2-hunter2-hunter2' },
      /^VERIFY_WEBHOOK_SECRET must be a Standard Webhooks secret/,
    ],
    [
      'VERIFY_WEBHOOK_SECRET',
      { VERIFY_WEBHOOK_SECRET: `${WHSEC} whsec_${btoa('short')}` },
      /^VERIFY_WEBHOOK_SECRET \(secret 2\) holds 5 bytes/,
    ],
    [
      'VERIFY_WEBHOOK_TIMEOUT_MS',
      { VERIFY_WEBHOOK_TIMEOUT_MS: '-5' },
      /^VERIFY_WEBHOOK_TIMEOUT_MS \(--webhook-timeout\) must be a whole number/,
    ],
    [
      'VERIFY_WEBHOOK_ATTEMPTS',
      { VERIFY_WEBHOOK_ATTEMPTS: '0' },
      /^VERIFY_WEBHOOK_ATTEMPTS \(--webhook-attempts\) must be a whole number from 1 to 100/,
    ],
    ['PORT', { PORT: '80000' }, /^PORT \(--port\) must be a whole number from 0 to 65535; got "80000"/],
    ['VERIFY_BASE_PATH', { VERIFY_BASE_PATH: 'api verify' }, /^VERIFY_BASE_PATH \(--base-path\) must be a path such as \/api\/verify/],
    [
      'VERIFY_CORS_ORIGINS',
      { VERIFY_CORS_ORIGINS: '*' },
      /^VERIFY_CORS_ORIGINS \(--cors-origins\) must list exact origins .*"\*" would let any page in/,
    ],
    [
      'VERIFY_CORS_ORIGINS',
      { VERIFY_CORS_ORIGINS: 'https://shop.example,shop.example' },
      /^VERIFY_CORS_ORIGINS \(--cors-origins\): "shop.example" is not an origin/,
    ],
    [
      'VERIFY_PUBLIC_ORIGIN',
      { VERIFY_PUBLIC_ORIGIN: 'verify.shop.example' },
      /^VERIFY_PUBLIC_ORIGIN \(--public-origin\): "verify.shop.example" is not an origin/,
    ],
    ['VERIFY_PUBLIC_ORIGIN', { FACESIGN_API_KEY: 'sk_live_real' }, /^VERIFY_PUBLIC_ORIGIN \(--public-origin\) is required with live keys/],
    ['VERIFY_PUBLIC_ORIGIN', { NODE_ENV: 'production' }, /^VERIFY_PUBLIC_ORIGIN \(--public-origin\) is required with NODE_ENV=production/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/verify' }, /^DATABASE_URL \(--database-url\) must be a PostgreSQL URL/],
    [
      'DATABASE_SCHEMA',
      { DATABASE_URL: 'postgres://db/verify', DATABASE_SCHEMA: 'x; drop' },
      /^DATABASE_SCHEMA \(--database-schema\) must be a plain lower-case identifier/,
    ],
    [
      'VERIFY_SQLITE_FILE',
      { DATABASE_URL: 'postgres://db/verify', VERIFY_SQLITE_FILE: 'a.sqlite' },
      /^VERIFY_SQLITE_FILE \(--sqlite\) and DATABASE_URL \(--database-url\) are both set/,
    ],
    ['FACESIGN_API_KEY', { FACESIGN_API_KEY: undefined }, /^No provider is configured: set FACESIGN_API_KEY .*--sandbox/],
    ['FACESIGN_BASE_URL', { FACESIGN_BASE_URL: 'api.facesign.test' }, /^FACESIGN_BASE_URL must be an http\(s\) URL/],
    [
      'FACEVERIFY_SECRET_KEY',
      { FACEVERIFY_API_KEY: 'sk_test_fv' },
      /^FACEVERIFY_SECRET_KEY is missing: FaceVerify signs every request with it/,
    ],
    ['FACEVERIFY_API_KEY', { FACEVERIFY_SECRET_KEY: 'sk_test_fv_secret' }, /^FACEVERIFY_API_KEY is missing/],
    [
      'VERIFY_SANDBOX',
      { VERIFY_SANDBOX: '1', NODE_ENV: 'production', VERIFY_PUBLIC_ORIGIN: 'https://v.example', FACESIGN_API_KEY: undefined },
      /^VERIFY_SANDBOX \(--sandbox\) is a made-up provider for development, refused with NODE_ENV=production/,
    ],
    ['VERIFY_SANDBOX', { VERIFY_SANDBOX: '1' }, /^VERIFY_SANDBOX \(--sandbox\) and provider keys are both set/],
  ])('%s: %o is named with its fix', (_, change, expected) => {
    const found = problems({ ...GOOD, ...change })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(expected)
  })

  it('every problem is reported at once, not only the first', () => {
    const found = problems({ PORT: 'http', VERIFY_CORS_ORIGINS: '*' })
    expect(found.map((p) => p.split(/[ :(]/)[0])).toEqual([
      'PORT',
      'VERIFY_CORS_ORIGINS',
      'No',
      'VERIFY_TOKEN_SECRET',
      'VERIFY_WEBHOOK_URL',
    ])
  })

  it('--sandbox needs no provider key and no outcome URL; flags win over the environment, which wins over --env-file', () => {
    expect(problems({ VERIFY_TOKEN_SECRET: TOKEN }, ['--sandbox'])).toEqual([])
    const file = join(dir, 'serve.env')
    writeFileSync(file, `PORT=9000\nHOST=0.0.0.0\nVERIFY_TOKEN_AUDIENCE=from-file\nVERIFY_TOKEN_SECRET=${TOKEN}\n`)
    const { values } = readInvocation(['--env-file', file, '--port', '9100', '--sandbox', '--cors-origins', 'https://shop.example/'], {
      HOST: '::',
    })
    expect(readServeConfig(values)).toMatchObject({
      port: 9100,
      host: '::',
      token: { audience: 'from-file' },
      corsOrigins: ['https://shop.example'],
      sandbox: { port: 9101 },
      webhook: undefined,
    })
    expect(() => readInvocation(['--env-file', join(dir, 'missing.env')], {})).toThrow(/--env-file .*missing.env: no such file/)
  })

  it('secrets are never taken from flags (ps shows them to every user), and unknown flags are named', () => {
    expect(() => readInvocation(['--token-secret', TOKEN], {})).toThrow(
      /--token-secret: secrets are read from the environment only \(VERIFY_TOKEN_SECRET\)/,
    )
    expect(() => readInvocation(['--webhook-secret', WHSEC], {})).toThrow(/VERIFY_WEBHOOK_SECRET/)
    expect(() => readInvocation(['--facesign-api-key', 'sk_test_x'], {})).toThrow(/FACESIGN_API_KEY/)
    expect(() => readInvocation(['--prot', '80'], {})).toThrow(/--prot is not a setting/)
  })

  it('--help documents every setting', () => {
    const help = serveHelp()
    for (const setting of SETTINGS) {
      expect(help).toContain(setting.env)
      if (setting.flag) expect(help).toContain(`--${setting.flag}`)
    }
  })
})

describe('verify-widget serve refusing to start (a real process)', () => {
  it('exits 2 and names each missing setting, with nothing listening', async () => {
    const run = runCli(['serve', '--port', '0'], { VERIFY_CORS_ORIGINS: '*' })
    expect(await run.exited).toEqual({ code: 2, signal: null })
    const output = run.output()
    expect(output).toContain('verify-widget cannot start:')
    for (const name of [
      'VERIFY_CORS_ORIGINS',
      'No provider is configured',
      'VERIFY_TOKEN_SECRET is missing',
      'VERIFY_WEBHOOK_URL (--webhook-url) is missing',
    ])
      expect(output).toContain(name)
    expect(output).toContain('Run verify-widget serve --help for every setting.')
    expect(output).not.toContain('listening')
  })

  it('a store that cannot be opened stops the start with its reason, the password masked', async () => {
    const run = runCli(['serve', '--port', '0'], {
      ...GOOD,
      DATABASE_URL: 'postgres://verify:hunter2secret@127.0.0.1:1/verify',
    })
    expect(await run.exited).toEqual({ code: 1, signal: null })
    expect(run.output()).toMatch(
      /The store \(DATABASE_URL: PostgreSQL 127\.0\.0\.1:1\/verify, schema verify_widget\) cannot be opened: .*ECONNREFUSED/,
    )
    expect(run.output()).not.toContain('hunter2secret')
  })

  it('a port in use is named', async () => {
    const first = await startServe({ ...GOOD, VERIFY_SQLITE_FILE: join(dir, 'a.sqlite') })
    try {
      const run = runCli(['serve', '--port', new URL(first.url).port], { ...GOOD, VERIFY_SQLITE_FILE: join(dir, 'b.sqlite') })
      expect(await run.exited).toEqual({ code: 1, signal: null })
      expect(run.output()).toMatch(/Listening on 127\.0\.0\.1:\d+ is in use: set PORT \(--port\) or HOST \(--host\)/)
    } finally {
      await first.kill('SIGINT')
    }
    expect(first.output()).toContain('SIGINT: stopping')
  })
})
