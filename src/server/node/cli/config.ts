import { readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { parseArgs, parseEnv } from 'node:util'
import { parseWebhookSecret } from '../../standard-webhooks'
import { MAX_TOKEN_AGE_SECONDS } from '../../token-identity'
import { SETTINGS } from './settings'

export type Env = Readonly<Record<string, string | undefined>>

/** Where the store lives: one PostgreSQL database (several instances) or a SQLite file. */
export type StoreConfig = { kind: 'postgres'; url: string; schema: string | undefined } | { kind: 'sqlite'; path: string }

export interface ServeConfig {
  port: number
  host: string
  basePath: string
  publicOrigins: string[] | undefined
  corsOrigins: string[]
  trustProxy: boolean
  store: StoreConfig
  dataDir: string
  token: { secrets: string[]; audience: string; issuer: string | undefined; maxAgeSeconds: number }
  webhook: { url: string; secrets: string[]; timeoutMs: number; attempts: number } | undefined
  facesign: { apiKey: string; webhookSecret?: string; baseUrl?: string; flowUrl?: string } | undefined
  faceverify: { apiKey: string; secretKey: string; baseUrl?: string } | undefined
  sandbox: { port: number } | undefined
  production: boolean
}

/** What the command line asked for, before any setting is checked. */
export interface Invocation {
  help: boolean
  version: boolean
  /** Settings by environment variable name, flags over the environment over the env file. */
  values: Env
  /** Arguments that are not settings (dead-letters' own, or mistakes). */
  rest: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

/** A refusal to start: every problem found, each naming its setting and its fix. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`verify-widget cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const SECRET_ENVS = SETTINGS.filter((s) => !s.flag).map((s) => s.env)

/**
 * Reads flags (`--port 8080`, `--sandbox`), an optional `--env-file`, and the environment. `extra`
 * declares a command's own flags (dead-letters). Unknown flags are problems, named.
 */
export function readInvocation(
  argv: readonly string[],
  env: Env,
  extra: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {},
): Invocation {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    'env-file': { type: 'string' },
    ...extra,
  }
  for (const s of SETTINGS) if (s.flag) options[s.flag] = { type: s.boolean ? 'boolean' : 'string' }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1]
    const secret = SECRET_ENVS.find(
      (name) =>
        unknown ===
        `--${name
          .toLowerCase()
          .replace(/^verify_/, '')
          .replace(/_/g, '-')}`,
    )
    if (secret)
      throw new ConfigError([
        `${unknown}: secrets are read from the environment only (${secret}): a flag's value shows in ps to every user of the machine.`,
      ])
    throw new ConfigError([unknown ? `${unknown} is not a setting.` : message.split('\n')[0]!])
  }
  const flags = parsed.values as Record<string, string | boolean | string[] | undefined>
  let fromFile: Record<string, string> = {}
  const envFile = flags['env-file']
  if (typeof envFile === 'string') {
    try {
      fromFile = parseEnv(readFileSync(envFile, 'utf8')) as Record<string, string>
    } catch (error) {
      throw new ConfigError([
        `--env-file ${envFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}.`,
      ])
    }
  }
  const values: Record<string, string | undefined> = { ...fromFile }
  for (const [name, value] of Object.entries(env)) if (value !== undefined) values[name] = value
  for (const s of SETTINGS) {
    const flag = s.flag ? flags[s.flag] : undefined
    if (typeof flag === 'string') values[s.env] = flag
    if (flag === true) values[s.env] = '1'
  }
  const rest = Object.fromEntries(Object.entries(flags).filter(([name]) => name in extra))
  return { help: flags.help === true, version: flags.version === true, values, rest, positionals: parsed.positionals }
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)
const on = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim())
const given = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim())

/** `--flag, ENV` as messages name a setting. */
export function settingName(env: string): string {
  const flag = SETTINGS.find((s) => s.env === env)?.flag
  return flag ? `${env} (--${flag})` : env
}

/** The origin of a value, or undefined when it is not one (a path, a `*`, a bare host). */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value)
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === 'null') return undefined
    return url.origin
  } catch {
    return undefined
  }
}

/** The store settings alone (dead-letters needs no more). */
export function readStoreConfig(values: Env, problems: string[] = []): { store: StoreConfig; dataDir: string } {
  const dataDir = resolve(given(values.VERIFY_DATA_DIR) ?? '.data')
  const url = given(values.DATABASE_URL)
  if (url) {
    let protocol = ''
    try {
      protocol = new URL(url).protocol
    } catch {}
    if (protocol !== 'postgres:' && protocol !== 'postgresql:')
      problems.push(`${settingName('DATABASE_URL')} must be a PostgreSQL URL such as postgres://user:password@host:5432/verify.`)
    const schema = given(values.DATABASE_SCHEMA)
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      problems.push(`${settingName('DATABASE_SCHEMA')} must be a plain lower-case identifier such as verify_widget; got "${schema}".`)
    if (given(values.VERIFY_SQLITE_FILE))
      problems.push(`${settingName('VERIFY_SQLITE_FILE')} and ${settingName('DATABASE_URL')} are both set: keep the one store you mean.`)
    return { store: { kind: 'postgres', url, schema }, dataDir }
  }
  const file = given(values.VERIFY_SQLITE_FILE)
  const path = file ? (isAbsolute(file) ? file : resolve(file)) : join(dataDir, 'verify.sqlite')
  return { store: { kind: 'sqlite', path }, dataDir }
}

function whole(values: Env, env: string, fallback: number, least: number, most: number, problems: string[]): number {
  const text = given(values[env])
  if (text === undefined) return fallback
  const n = Number(text)
  if (!/^\d+$/.test(text) || n < least || n > most) {
    problems.push(`${settingName(env)} must be a whole number from ${least} to ${most}; got "${text}".`)
    return fallback
  }
  return n
}

/**
 * Checks every setting of `serve` and gathers every problem (not just the first), each naming the
 * setting and what to do; throws a ConfigError when there is any.
 */
export function readServeConfig(values: Env): ServeConfig {
  const problems: string[] = []
  const production = values.NODE_ENV === 'production'
  const port = whole(values, 'PORT', 8080, 0, 65_535, problems)
  const host = given(values.HOST) ?? '127.0.0.1'
  const basePath = (given(values.VERIFY_BASE_PATH) ?? '/api/verify').replace(/\/+$/, '')
  if (basePath !== '' && !/^(\/[A-Za-z0-9._~-]+)+$/.test(basePath))
    problems.push(`${settingName('VERIFY_BASE_PATH')} must be a path such as /api/verify; got "${values.VERIFY_BASE_PATH}".`)

  const originList = (env: string, what: string) =>
    list(values[env]).flatMap((value) => {
      if (value === '*' || value === 'null') {
        problems.push(`${settingName(env)} must list exact origins such as https://shop.example: "${value}" would let any page in.`)
        return []
      }
      const origin = originOf(value)
      if (!origin) problems.push(`${settingName(env)}: "${value}" is not an origin; ${what} such as https://shop.example.`)
      return origin ? [origin] : []
    })
  const publicOrigins = originList('VERIFY_PUBLIC_ORIGIN', 'give the origin browsers reach this service at')
  const corsOrigins = originList('VERIFY_CORS_ORIGINS', 'list the origins of your pages')

  const { store, dataDir } = readStoreConfig(values, problems)

  const sandboxOn = on(values.VERIFY_SANDBOX)
  const facesignKey = given(values.FACESIGN_API_KEY)
  const faceverifyKey = given(values.FACEVERIFY_API_KEY)
  const faceverifySecret = given(values.FACEVERIFY_SECRET_KEY)
  const urlSetting = (env: string) => {
    const value = given(values[env])
    if (value !== undefined && !originOf(value)) problems.push(`${settingName(env)} must be an http(s) URL; got "${value}".`)
    return value
  }
  const facesign = facesignKey
    ? {
        apiKey: facesignKey,
        ...(given(values.FACESIGN_WEBHOOK_SECRET) ? { webhookSecret: given(values.FACESIGN_WEBHOOK_SECRET) } : {}),
        ...(urlSetting('FACESIGN_BASE_URL') ? { baseUrl: given(values.FACESIGN_BASE_URL) } : {}),
        ...(urlSetting('FACESIGN_FLOW_URL') ? { flowUrl: given(values.FACESIGN_FLOW_URL) } : {}),
      }
    : undefined
  if (faceverifyKey && !faceverifySecret)
    problems.push('FACEVERIFY_SECRET_KEY is missing: FaceVerify signs every request with it (FACEVERIFY_API_KEY is set).')
  if (!faceverifyKey && faceverifySecret)
    problems.push('FACEVERIFY_API_KEY is missing: FACEVERIFY_SECRET_KEY is set without the client key it goes with.')
  const faceverify =
    faceverifyKey && faceverifySecret
      ? {
          apiKey: faceverifyKey,
          secretKey: faceverifySecret,
          ...(urlSetting('FACEVERIFY_BASE_URL') ? { baseUrl: given(values.FACEVERIFY_BASE_URL) } : {}),
        }
      : undefined
  let sandbox: ServeConfig['sandbox']
  if (sandboxOn) {
    if (production)
      problems.push(
        `${settingName('VERIFY_SANDBOX')} is a made-up provider for development, refused with NODE_ENV=production: set FACESIGN_API_KEY (or FACEVERIFY_API_KEY) instead.`,
      )
    if (facesignKey || faceverifyKey)
      problems.push(`${settingName('VERIFY_SANDBOX')} and provider keys are both set: drop --sandbox to use the keys, or unset the keys.`)
    sandbox = { port: whole(values, 'VERIFY_SANDBOX_PORT', port === 0 ? 0 : port + 1, 0, 65_535, problems) }
  } else if (!facesign && !faceverify && !(faceverifyKey || faceverifySecret)) {
    problems.push(
      'No provider is configured: set FACESIGN_API_KEY (and FACESIGN_WEBHOOK_SECRET), or FACEVERIFY_API_KEY and FACEVERIFY_SECRET_KEY; for development without keys, run with --sandbox.',
    )
  }
  const live = [facesignKey, faceverifyKey].some((key) => key !== undefined && !key.startsWith('sk_test_'))
  if (publicOrigins.length === 0 && !list(values.VERIFY_PUBLIC_ORIGIN).length && (production || live))
    problems.push(
      `${settingName('VERIFY_PUBLIC_ORIGIN')} is required ${live ? 'with live keys' : 'with NODE_ENV=production'}: the origin browsers reach this service at, e.g. https://verify.shop.example (the Origin check must not trust a Host header).`,
    )

  const tokenSecrets = list(values.VERIFY_TOKEN_SECRET)
  if (tokenSecrets.length === 0)
    problems.push(
      'VERIFY_TOKEN_SECRET is missing: the key your backend signs identity tokens with (HS256, at least 32 bytes). Generate one with `openssl rand -hex 32` and give it to both.',
    )
  tokenSecrets.forEach((secret, i) => {
    if (new TextEncoder().encode(secret).length < 32)
      problems.push(
        `VERIFY_TOKEN_SECRET${tokenSecrets.length > 1 ? ` (secret ${i + 1})` : ''} is ${new TextEncoder().encode(secret).length} bytes; it must be at least 32. Generate one with \`openssl rand -hex 32\`.`,
      )
  })
  const token = {
    secrets: tokenSecrets,
    audience: given(values.VERIFY_TOKEN_AUDIENCE) ?? 'verify-widget',
    issuer: given(values.VERIFY_TOKEN_ISSUER),
    maxAgeSeconds: whole(values, 'VERIFY_TOKEN_MAX_AGE', 300, 1, MAX_TOKEN_AGE_SECONDS, problems),
  }

  const webhookUrl = given(values.VERIFY_WEBHOOK_URL)
  const webhookSecrets = list(values.VERIFY_WEBHOOK_SECRET)
  let webhook: ServeConfig['webhook']
  if (webhookUrl) {
    if (!originOf(webhookUrl))
      problems.push(`${settingName('VERIFY_WEBHOOK_URL')} must be an http(s) URL of your app; got "${webhookUrl}".`)
    if (webhookSecrets.length === 0)
      problems.push(
        'VERIFY_WEBHOOK_SECRET is missing: the whsec_ secret your app verifies outcomes with. Generate one with `echo "whsec_$(openssl rand -base64 32)"`.',
      )
    webhookSecrets.forEach((secret, i) => {
      try {
        parseWebhookSecret(secret, `VERIFY_WEBHOOK_SECRET${webhookSecrets.length > 1 ? ` (secret ${i + 1})` : ''}`)
      } catch (error) {
        problems.push((error as Error).message)
      }
    })
    webhook = {
      url: webhookUrl,
      secrets: webhookSecrets,
      timeoutMs: whole(values, 'VERIFY_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000, problems),
      attempts: whole(values, 'VERIFY_WEBHOOK_ATTEMPTS', 24, 1, 100, problems),
    }
  } else if (!sandboxOn) {
    problems.push(
      `${settingName('VERIFY_WEBHOOK_URL')} is missing: your app's endpoint that receives outcomes (Standard Webhooks), e.g. https://shop.example/webhooks/verify.`,
    )
  } else if (webhookSecrets.length > 0) {
    problems.push(`VERIFY_WEBHOOK_SECRET is set without ${settingName('VERIFY_WEBHOOK_URL')}: say where outcomes go.`)
  }

  if (problems.length > 0) throw new ConfigError(problems)
  return {
    port,
    host,
    basePath,
    publicOrigins: publicOrigins.length ? publicOrigins : undefined,
    corsOrigins,
    trustProxy: on(values.VERIFY_TRUST_PROXY),
    store,
    dataDir,
    token,
    webhook,
    facesign,
    faceverify,
    sandbox,
    production,
  }
}
