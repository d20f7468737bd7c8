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
import { rewriteBlocks } from './figures/document'

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

const problems: string[] = []
const changed: string[] = []
const results = loadResults()

for (const file of documents()) {
  const name = relative(ROOT, file)
  const text = readFileSync(file, 'utf8')
  const done = rewriteBlocks(name, text, results)
  problems.push(...done.problems)
  changed.push(...done.changed)
  if (!check && done.text !== text) writeFileSync(file, done.text)
}

for (const p of problems) console.error(p)
if (check && changed.length) {
  for (const c of changed) console.error(`${c} differs from bench/results.json`)
  console.error('run `npm run figures` and commit the docs with the results they quote')
}
if (!check) console.log(changed.length ? `figures: rewrote ${changed.join(', ')}` : 'figures: every block is up to date')
else if (!problems.length && !changed.length) console.log('figures: every block matches bench/results.json')
process.exit(problems.length || (check && changed.length) ? 1 : 0)
