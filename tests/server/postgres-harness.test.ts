import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect } from 'node:net'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { startPostgres } from '../support/postgres'

const ROOT = resolve(import.meta.dirname, '../..')

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('error', () => done(false))
  })

describe('the throwaway PostgreSQL server for tests', () => {
  it('trusts 127.0.0.1 only, listens on loopback only, and is gone with its files after stop', async () => {
    const server = await startPostgres()
    const client = new pg.Client({ connectionString: server.url })
    await client.connect()
    const rules = (await client.query('SELECT type, address FROM pg_hba_file_rules')).rows
    const listen = (await client.query('SHOW listen_addresses')).rows[0]
    const dataDir = String((await client.query('SHOW data_directory')).rows[0]?.data_directory)
    await client.end()
    expect(rules).toEqual([{ type: 'host', address: '127.0.0.1' }])
    expect(listen).toEqual({ listen_addresses: '127.0.0.1' })
    expect(existsSync(dataDir)).toBe(true)
    await server.stop()
    expect(existsSync(dataDir)).toBe(false)
    expect(await portOpen(server.port)).toBe(false)
  }, 60_000)

  it('a runner stopped with Ctrl-C (SIGINT) takes its server and files with it', async () => {
    const script = `import { startPostgres } from ${JSON.stringify(join(ROOT, 'tests/support/postgres.ts'))}
      const server = await startPostgres()
      const pg = (await import('pg')).default
      const c = new pg.Client({ connectionString: server.url }); await c.connect()
      const dir = (await c.query('SHOW data_directory')).rows[0].data_directory; await c.end()
      console.log(JSON.stringify({ port: server.port, dir }))
      setInterval(() => {}, 1000)`
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const started = await new Promise<{ port: number; dir: string }>((done, fail) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('\n')) done(JSON.parse(out.split('\n')[0]!))
      })
      child.once('exit', (code) => fail(new Error(`exited with ${code} before starting`)))
    })
    expect(await portOpen(started.port)).toBe(true)
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGINT')
    await exited
    await expect.poll(() => portOpen(started.port), { timeout: 10_000 }).toBe(false)
    expect(existsSync(started.dir)).toBe(false)
  }, 60_000)
})
