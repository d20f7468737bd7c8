/**
 * Every setting of `verify-widget serve` in one table: what `--help` prints and what the parser
 * reads. Secrets come from the environment only: a flag's value shows in `ps` to every user of the
 * machine (and in shell history).
 */
export interface Setting {
  /** The environment variable. */
  env: string
  /** The flag, for settings that are not secret. */
  flag?: string
  /** `--sandbox`-style switch (no value). */
  boolean?: boolean
  group: 'service' | 'store' | 'identity' | 'outcomes' | 'providers' | 'development'
  help: string
  /** What applies when it is not set. */
  fallback?: string
}

export const SETTINGS: readonly Setting[] = [
  { env: 'PORT', flag: 'port', group: 'service', help: 'TCP port to listen on (0: any free port).', fallback: '8080' },
  {
    env: 'HOST',
    flag: 'host',
    group: 'service',
    help: 'Address to listen on; 0.0.0.0 (or ::) in a container or behind a proxy on another machine.',
    fallback: '127.0.0.1',
  },
  {
    env: 'VERIFY_BASE_PATH',
    flag: 'base-path',
    group: 'service',
    help: 'Where the routes live (the page’s endpoint).',
    fallback: '/api/verify',
  },
  {
    env: 'VERIFY_PUBLIC_ORIGIN',
    flag: 'public-origin',
    group: 'service',
    help: 'The origin browsers reach this service at (its own, or your app’s when your reverse proxy forwards to it); comma-separated for several. Required with live keys or NODE_ENV=production.',
  },
  {
    env: 'VERIFY_CORS_ORIGINS',
    flag: 'cors-origins',
    group: 'service',
    help: 'Comma-separated origins of pages on another origin that may call this service from the browser (exact origins, no *).',
    fallback: 'none: serve the page and this service from one origin',
  },
  {
    env: 'VERIFY_TRUST_PROXY',
    flag: 'trust-proxy',
    boolean: true,
    group: 'service',
    help: 'Behind your reverse proxy: the client address is the last X-Forwarded-For entry, and the connection cap per address is lifted.',
    fallback: 'off',
  },
  {
    env: 'DATABASE_URL',
    flag: 'database-url',
    group: 'store',
    help: 'postgres://… : several instances on one PostgreSQL database (npm install pg). Its password is masked in every message.',
  },
  { env: 'DATABASE_SCHEMA', flag: 'database-schema', group: 'store', help: 'PostgreSQL schema.', fallback: 'verify_widget' },
  {
    env: 'VERIFY_SQLITE_FILE',
    flag: 'sqlite',
    group: 'store',
    help: 'SQLite file, when there is no DATABASE_URL (one instance; npm install better-sqlite3).',
    fallback: '<data dir>/verify.sqlite',
  },
  {
    env: 'VERIFY_DATA_DIR',
    flag: 'data-dir',
    group: 'store',
    help: 'Folder for the SQLite file and the sandbox’s made-up keys.',
    fallback: '.data',
  },
  {
    env: 'VERIFY_TOKEN_SECRET',
    group: 'identity',
    help: 'Required. The HS256 key your backend signs identity tokens with, at least 32 bytes (openssl rand -hex 32). Several, comma-separated, while one rotates.',
  },
  {
    env: 'VERIFY_TOKEN_AUDIENCE',
    flag: 'token-audience',
    group: 'identity',
    help: 'What the tokens’ "aud" must name.',
    fallback: 'verify-widget',
  },
  { env: 'VERIFY_TOKEN_ISSUER', flag: 'token-issuer', group: 'identity', help: 'What the tokens’ "iss" must be.', fallback: 'not checked' },
  {
    env: 'VERIFY_TOKEN_MAX_AGE',
    flag: 'token-max-age',
    group: 'identity',
    help: 'Seconds a token may live (exp - iat), and how long after iat it is honoured; 1 to 3600.',
    fallback: '300',
  },
  {
    env: 'VERIFY_WEBHOOK_URL',
    flag: 'webhook-url',
    group: 'outcomes',
    help: 'Required (optional with --sandbox). Your app’s endpoint for outcomes, sent as Standard Webhooks.',
  },
  {
    env: 'VERIFY_WEBHOOK_SECRET',
    group: 'outcomes',
    help: 'Required with VERIFY_WEBHOOK_URL. whsec_… (echo "whsec_$(openssl rand -base64 32)"); several, comma-separated, while one rotates: each is signed with.',
  },
  {
    env: 'VERIFY_WEBHOOK_TIMEOUT_MS',
    flag: 'webhook-timeout',
    group: 'outcomes',
    help: 'One delivery’s time before it is cut off and retried.',
    fallback: '10000',
  },
  {
    env: 'VERIFY_WEBHOOK_ATTEMPTS',
    flag: 'webhook-attempts',
    group: 'outcomes',
    help: 'Deliveries of one outcome before it is kept as a dead letter (retries back off from 1 s to 10 min).',
    fallback: '24, the last about 2½ hours after the first',
  },
  { env: 'FACESIGN_API_KEY', group: 'providers', help: 'FaceSign: sk_test_… or sk_live_….' },
  { env: 'FACESIGN_WEBHOOK_SECRET', group: 'providers', help: 'FaceSign webhook secret (webhooks are the status source).' },
  { env: 'FACESIGN_BASE_URL', group: 'providers', help: 'FaceSign API.', fallback: 'https://api.facesign.ai/v1' },
  { env: 'FACESIGN_FLOW_URL', group: 'providers', help: 'FaceSign flow page.', fallback: 'https://verify.facesign.ai/' },
  { env: 'FACEVERIFY_API_KEY', group: 'providers', help: 'FaceVerify client key (x-auth-client).' },
  { env: 'FACEVERIFY_SECRET_KEY', group: 'providers', help: 'FaceVerify HMAC secret key.' },
  { env: 'FACEVERIFY_BASE_URL', group: 'providers', help: 'FaceVerify API.', fallback: 'https://start.faceverify.ai' },
  {
    env: 'VERIFY_SANDBOX',
    flag: 'sandbox',
    boolean: true,
    group: 'development',
    help: 'Run the providers’ sandbox in this process with made-up sk_test_ keys, instead of provider keys. Refused with NODE_ENV=production.',
    fallback: 'off',
  },
  {
    env: 'VERIFY_SANDBOX_PORT',
    flag: 'sandbox-port',
    group: 'development',
    help: 'The sandbox’s port (its host goes in the page’s allowed-hosts).',
    fallback: 'PORT + 1',
  },
]

const GROUPS: Record<Setting['group'], string> = {
  service: 'Service',
  store: 'Store',
  identity: 'Identity tokens (Authorization: Bearer <JWT> from your backend)',
  outcomes: 'Outcomes to your app (Standard Webhooks)',
  providers: 'Providers (at least one, unless --sandbox; environment only)',
  development: 'Development',
}

export function serveHelp(): string {
  const lines = [
    'verify-widget serve: the verification backend as a service of its own, for any backend language.',
    '',
    'Usage: verify-widget serve [flags]        (every setting also reads its environment variable;',
    '       verify-widget dead-letters [--limit N] [--json] [--revive <id>… | --revive-all]',
    '       verify-widget --version             secrets are read from the environment only)',
    '',
    '  --env-file <path>   read settings from a .env file first (the environment wins)',
    '  -h, --help          this help',
  ]
  for (const [group, title] of Object.entries(GROUPS)) {
    lines.push('', `${title}:`)
    for (const s of SETTINGS.filter((setting) => setting.group === group)) {
      const name = s.flag ? `--${s.flag}${s.boolean ? '' : ' <value>'}, ${s.env}` : s.env
      lines.push(`  ${name}`, `      ${s.help}${s.fallback ? ` Default: ${s.fallback}.` : ''}`)
    }
  }
  lines.push(
    '',
    'The page sends your backend’s token as "Authorization: Bearer <token>"; outcomes reach VERIFY_WEBHOOK_URL',
    'signed per Standard Webhooks. Health: GET /health (200 or 503). Docs: docs/serve.md in the package’s repository.',
  )
  return lines.join('\n')
}
