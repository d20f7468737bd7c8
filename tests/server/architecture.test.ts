import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise')

interface CruiseSummary {
  violations: { rule: { name: string }; from: string; to: string }[]
  totalCruised: number
}

function cruise(cwd: string): CruiseSummary {
  const r = spawnSync(DEPCRUISE, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd, encoding: 'utf8' })
  return (JSON.parse(r.stdout) as { summary: CruiseSummary }).summary
}

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* sources(path)
    else if (/\.tsx?$/.test(name)) yield path
  }
}

const scratch: string[] = []
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

describe('the layers (docs/architecture.md)', () => {
  it('hold across src: stores at the bottom, no upward import, no Node module in the server core', { timeout: 120_000 }, () => {
    const summary = cruise(ROOT)
    expect(summary.totalCruised).toBeGreaterThan(100)
    expect(summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([])
  })

  it('are enforced: an upward import and a Node module in the core are each reported', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'vw-layers-'))
    scratch.push(dir)
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'))
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true } }))
    write('src/server/service/sessions.ts', 'export const service = 1\n')
    write('src/server/stores/memory.ts', "import { service } from '../service/sessions'\nexport const store = service\n")
    write(
      'src/server/handler.ts',
      "import { readFileSync } from 'node:fs'\nimport { store } from './stores/memory'\nexport const h = [readFileSync, store]\n",
    )
    const names = cruise(dir).violations.map((v) => v.rule.name)
    expect(names).toContain('stores-at-the-bottom')
    expect(names).toContain('server-core-web-apis-only')
  })

  it('no provider is named outside src/server/providers: each lives behind its adapter', () => {
    const server = join(ROOT, 'src/server')
    const offenders: string[] = []
    for (const file of sources(server)) {
      const path = relative(server, file)
      if (path.startsWith('providers/')) continue
      // The command line reads each shipped provider's environment variables into its options, as
      // an app's own wiring does (scripts/start.ts): configuration, not behaviour.
      if (path.startsWith('node/cli/')) continue
      // Comments may mention a provider, and the public entry re-exports what each adapter makes
      // public; code may not test for one.
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/^export [^;]*? from '\.\/providers\/[\w-]+'$/gms, '')
      for (const match of code.matchAll(/['"`](facesign|faceverify)['"`]|\.(facesign|faceverify)\b|\b(FaceSign|FaceVerify)\w*/g)) {
        offenders.push(`${path}: ${match[0]}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
