/**
 * A throwaway PostgreSQL server for tests: Debian's `postgresql` binaries, a data directory in a
 * fresh temp dir, trust auth on 127.0.0.1 only, a free loopback port, no fsync (nothing here must
 * survive a crash of the machine). Stopped and removed afterwards, also on Ctrl-C or a crash of the
 * test process. One server per test run; each suite takes its own schema or database on it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from '../e2e/support/ports'

/** The env var that hands the server's connection string to child processes and test workers. */
export const TEST_DATABASE_ENV = 'VERIFY_TEST_DATABASE_URL'

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string
  port: number
  stop(): Promise<void>
}

const INSTALL_HINT =
  'PostgreSQL server binaries not found: install them with `apt-get install -y postgresql` (Debian), or set VERIFY_PG_BIN to the bin directory.'

/** The newest Debian PostgreSQL bin dir (15 on bookworm), or VERIFY_PG_BIN. */
export function postgresBinDir(): string {
  const given = process.env.VERIFY_PG_BIN
  if (given) return given
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (!versions[0]) throw new Error(INSTALL_HINT)
  return join(root, versions[0], 'bin')
}

/** initdb and postgres refuse to run as root: as root, both run as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    throw new Error("Running as root needs the `postgres` system user, which Debian's postgresql package creates.")
  }
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`)
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
    try {
      await client.connect()
      await client.end()
      return
    } catch {
      await client.end().catch(() => {})
      // The server is still starting: its socket opens within a second or two.
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  throw new Error(`postgres did not accept connections:\n${log()}`)
}

/** Starts a fresh server; the returned `stop` (or the process exiting) stops it and removes its files. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir()
  const user = runAs()
  const dir = mkdtempSync(join(tmpdir(), 'verify-pg-'))
  const data = join(dir, 'data')
  if (user) chownSync(dir, user.uid, user.gid)
  const as = user ? { uid: user.uid, gid: user.gid } : {}
  let child: ChildProcess | undefined

  const cleanupNow = () => {
    if (child && child.exitCode === null) child.kill('SIGQUIT')
    rmSync(dir, { recursive: true, force: true })
  }
  // A crash or Ctrl-C of the test process must not leave a server or its files behind.
  const onExit = () => cleanupNow()
  const onSignal = (signal: NodeJS.Signals) => {
    cleanupNow()
    process.off(signal, onSignal)
    process.kill(process.pid, signal)
  }
  process.once('exit', onExit)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const detach = () => {
    process.off('exit', onExit)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }

  try {
    execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      ...as,
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    // Only TCP from 127.0.0.1; no Unix socket, no other address.
    writeFileSync(join(data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n')
    const port = await freePort()
    let output = ''
    child = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=300',
        '-c',
        'shared_buffers=32MB',
      ],
      { ...as, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000)
    }
    child.stdout?.on('data', collect)
    child.stderr?.on('data', collect)
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`
    await waitUntilReady(url, child, () => output)

    const running = child
    return {
      url,
      port,
      async stop() {
        detach()
        if (running.exitCode === null) {
          const exited = new Promise((resolve) => running.once('exit', resolve))
          // SIGINT: a fast shutdown (open connections are cut, nothing waits on them).
          running.kill('SIGINT')
          await exited
        }
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    detach()
    cleanupNow()
    throw error
  }
}

/** The test run's server, as globalSetup handed it down. */
export function testDatabaseUrl(): string {
  const url = process.env[TEST_DATABASE_ENV]
  if (!url) throw new Error(`${TEST_DATABASE_ENV} is not set: the PostgreSQL tests need tests/support/postgres-setup.ts as globalSetup.`)
  return url
}

/** A schema name nobody else in this run uses: one per suite keeps suites apart on one server. */
export function freshSchema(prefix = 'test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`
}

/** A new, empty database on the run's server; its connection string. */
export async function freshDatabase(prefix = 'test'): Promise<string> {
  const url = new URL(testDatabaseUrl())
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  url.pathname = `/${name}`
  return url.toString()
}
