import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../src/server/node'
import { createVerificationHandler } from '../../src/server/node-index'
import { isModuleMissing, missingDriver } from '../../src/server/stores/lazy'

const ROOT = resolve(import.meta.dirname, '../..')
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vw-lazy-'))
  dirs.push(dir)
  return dir
}

describe('stores open lazily and drivers are optional', () => {
  it('creating a handler with the default SQLite store creates no file until the first request', async () => {
    const dataDir = join(tempDir(), 'data')
    const handler = createVerificationHandler({ identify: () => ({ id: 'u1' }), dataDir })
    expect(existsSync(dataDir)).toBe(false)
    const response = await handler(new Request('http://app.test/api/verify/sessions/nope'))
    expect(response.status).toBe(404)
    expect(existsSync(join(dataDir, 'verify.sqlite'))).toBe(true)
    await handler.close()
  })

  it('a SQLite store closed before use never opens', async () => {
    const path = join(tempDir(), 'never', 'verify.sqlite')
    const store = createSqliteStore({ path })
    await store.close()
    expect(existsSync(join(path, '..'))).toBe(false)
    await expect(store.get('x')).rejects.toThrow(/closed/)
  })

  it('a missing driver is named in the error, with the command that installs it', async () => {
    const error = await import(/* @vite-ignore */ ['verify-widget', 'no-such-driver'].join('-')).catch((e: unknown) => e)
    expect(isModuleMissing(error, 'verify-widget-no-such-driver')).toBe(true)
    expect(isModuleMissing(new Error('disk on fire'), 'verify-widget-no-such-driver')).toBe(false)
    expect(missingDriver('verify-widget-no-such-driver', 'createSqliteStore', error).message).toBe(
      'createSqliteStore needs the optional package "verify-widget-no-such-driver": install it with `npm install verify-widget-no-such-driver`.',
    )
  })

  it('the drivers are optional peer dependencies, never dependencies, and the server imports neither eagerly', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, unknown> | undefined>
    for (const name of ['better-sqlite3', 'pg']) {
      expect(pkg.dependencies?.[name]).toBeUndefined()
      expect(pkg.peerDependencies?.[name]).toBeDefined()
      expect(pkg.peerDependenciesMeta?.[name]).toEqual({ optional: true })
    }
    // A static value import of a driver would load it with the server entry, used or not.
    for (const file of [
      'node/sqlite.ts',
      'node/sqlite-schema.ts',
      'stores/postgres.ts',
      'stores/postgres-driver.ts',
      'stores/postgres-schema.ts',
    ]) {
      const source = readFileSync(join(ROOT, 'src/server', file), 'utf8')
      expect(source, file).not.toMatch(/^import (?!type )[^\n]* from '(better-sqlite3|pg)'/m)
    }
  })
})
