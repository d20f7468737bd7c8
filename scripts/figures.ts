/**
 * `npm run figures`: writes every figure the README and docs quote from the committed results
 * (bench/results*.json) into their marked blocks:
 *
 *   <!-- figures:app-size -->…<!-- /figures -->
 *
 * The block's name says what goes in it (scripts/figures/blocks.ts). `npm run figures -- --check`
 * (the `figures` gate of `npm test`) changes nothing and fails when a block differs from what the
 * results say, when a block names nothing known, or when a size is typed by hand outside a block.
 * After `npm run bench` (or a section of it), run `npm run figures` and commit both.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { BenchResults } from './bench/rows'
import { BLOCKS } from './figures/blocks'

const ROOT = join(import.meta.dirname, '..')
const check = process.argv.includes('--check')

/** Every Markdown file a reader sees: the README, CONTRIBUTING, docs/ and the examples' README. */
function documents(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(ROOT, 'docs', f))
  return [join(ROOT, 'README.md'), join(ROOT, 'CONTRIBUTING.md'), join(ROOT, 'examples/README.md'), ...docs]
}

/** The sections of every bench/results*.json; a section in two files is a mistake, not a choice. */
function loadResults(): BenchResults {
  const files = readdirSync(join(ROOT, 'bench')).filter((f) => /^results.*\.json$/.test(f))
  const merged: BenchResults = { sections: {} }
  for (const file of files) {
    const results = JSON.parse(readFileSync(join(ROOT, 'bench', file), 'utf8')) as BenchResults
    for (const [name, value] of Object.entries(results.sections ?? {})) {
      if (name in merged.sections) throw new Error(`bench/${file}: section ${name} is in another results file too`)
      Object.assign(merged.sections, { [name]: value })
    }
    if (results.lastFullRun) merged.lastFullRun = results.lastFullRun
  }
  return merged
}

const BLOCK = /<!-- figures:([\w-]+) -->([\s\S]*?)<!-- \/figures -->/g
// A size written as a figure ("5.89 kB", "671 B", "6 KB"): in the docs only inside a block (or a code span).
const HAND_TYPED_SIZE = /(?<![\w.])\d+(?:[.,]\d+)?\s?(?:B|kB|KB|KiB|MB|MiB)\b/

const problems: string[] = []
const changed: string[] = []
const results = loadResults()

for (const file of documents()) {
  const name = relative(ROOT, file)
  const text = readFileSync(file, 'utf8')
  const next = text.replace(BLOCK, (whole, block: string, current: string) => {
    const render = BLOCKS[block]
    if (!render) {
      problems.push(`${name}: no figures block is called "${block}" (known: ${Object.keys(BLOCKS).join(', ')})`)
      return whole
    }
    let figure: string
    try {
      figure = render(results)
    } catch (error) {
      problems.push(`${name}: figures:${block}: ${error instanceof Error ? error.message : String(error)}`)
      return whole
    }
    const body = figure.includes('\n') ? `\n${figure}\n` : figure
    if (body !== current) changed.push(`${name}: figures:${block}`)
    return `<!-- figures:${block} -->${body}<!-- /figures -->`
  })
  const outside = next.replace(BLOCK, '')
  if (/<!-- \/?figures/.test(outside)) problems.push(`${name}: a figures marker without its pair (<!-- figures:name -->…<!-- /figures -->)`)
  outside.split('\n').forEach((line, i) => {
    // Code spans hold definitions and settings (`1 kB = 1000 B`, `"limit": "6 kB"`), not measurements.
    const size = HAND_TYPED_SIZE.exec(line.replace(/`[^`]*`/g, ''))
    if (size) problems.push(`${name}:${i + 1}: "${size[0]}" is typed by hand; quote it from the results in a figures block`)
  })
  if (!check && next !== text) writeFileSync(file, next)
}

for (const p of problems) console.error(p)
if (check && changed.length) {
  for (const c of changed) console.error(`${c} differs from bench/results.json`)
  console.error('run `npm run figures` and commit the docs with the results they quote')
}
if (!check) console.log(changed.length ? `figures: rewrote ${changed.join(', ')}` : 'figures: every block is up to date')
else if (!problems.length && !changed.length) console.log('figures: every block matches bench/results.json')
process.exit(problems.length || (check && changed.length) ? 1 : 0)
