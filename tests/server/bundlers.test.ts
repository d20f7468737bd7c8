import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build as esbuild } from 'esbuild'
import { build as viteBuild } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const ENTRY = join(ROOT, 'tests/server/fixtures/default-store-entry.ts')
const dirs: string[] = []
// Bundles live inside the project, where an app's would: their external packages resolve from node_modules.
const BUNDLES = join(ROOT, 'node_modules/.cache/verify-widget-bundles')
const tempDir = () => {
  mkdirSync(BUNDLES, { recursive: true })
  const dir = mkdtempSync(join(BUNDLES, 'run-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Runs a bundled backend and returns what it printed: the answer to a request that opened the default store. */
function run(bundle: string) {
  const dataDir = join(tempDir(), 'data')
  const r = spawnSync(process.execPath, [bundle, dataDir], { cwd: ROOT, encoding: 'utf8' })
  expect(r.stderr).toBe('')
  return { answer: JSON.parse(r.stdout) as { status: number; body: { error: { code: string } } }, dataDir }
}

// Bundlers rewrite how modules are loaded; the driver of the default store must still load
// (a createRequire-based loader did not survive Next.js). Each bundle leaves packages external, as
// server bundles of native modules must.
describe('the default SQLite store loads its driver in bundled backends', () => {
  it('esbuild (platform node, packages external)', { timeout: 60_000 }, async () => {
    const out = join(tempDir(), 'server.mjs')
    await esbuild({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: out,
      logLevel: 'silent',
    })
    const { answer, dataDir } = run(out)
    expect(answer).toEqual({ status: 404, body: { error: expect.objectContaining({ code: 'resource_missing' }) } })
    expect(existsSync(join(dataDir, 'verify.sqlite'))).toBe(true)
  })

  it('Vite SSR (its default externals)', { timeout: 60_000 }, async () => {
    const outDir = tempDir()
    await viteBuild({
      configFile: false,
      logLevel: 'silent',
      build: { ssr: ENTRY, outDir, target: 'node20', rolldownOptions: { output: { format: 'es', entryFileNames: 'server.mjs' } } },
    })
    const { answer, dataDir } = run(join(outDir, 'server.mjs'))
    expect(answer.status).toBe(404)
    expect(existsSync(join(dataDir, 'verify.sqlite'))).toBe(true)
  })
})
