// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { BenchResults } from '../../../scripts/bench/rows'
import { BLOCKS, MissingSection } from '../../../scripts/figures/blocks'
import { rewriteBlocks } from '../../../scripts/figures/document'

const run = {
  date: '2026-12-03T08:00:00.000Z',
  commit: 'abc1234',
  mode: 'full' as const,
  seconds: 4,
  node: 'v20.20.2',
  cpus: 2,
  loadAverage: [1, 2] as [number, number],
}
const results: BenchResults = {
  sections: {
    bundle: {
      run,
      figures: {
        hostedFiles: ['assets/index.js'],
        checks: [
          { group: 'budget', name: "import { VerifyButton } from 'verify-widget'", bytes: 5886, limit: '6 kB', limitBytes: 6000 },
          { group: 'app', name: 'with TanStack Query', bytes: 6920 },
          { group: 'app', name: 'without TanStack Query', bytes: 14140 },
          { group: 'app', name: 'with TanStack Query and an identity token', bytes: 10320 },
          { group: 'locale', name: 'id', bytes: 491 },
          { group: 'locale', name: 'de', bytes: 579 },
          { group: 'locale', name: 'el', bytes: 792 },
          { group: 'hosted', name: 'hosted page JS', bytes: 78270, limit: '80 kB', limitBytes: 80000 },
        ],
      },
    },
  },
}

describe('figures blocks', () => {
  it('writes an inline block from the results and reports it as changed', () => {
    const text = 'It adds <!-- figures:app-size -->6.3 KB<!-- /figures --> to an app.'
    const done = rewriteBlocks('README.md', text, results)
    expect(done.problems).toEqual([])
    expect(done.changed).toEqual(['README.md: figures:app-size'])
    expect(done.text).toBe(
      'It adds <!-- figures:app-size -->6.92 kB of JS (gzip) with your own TanStack Query, 14.14 kB without it (TanStack Query included); other languages load on demand, 579 B each (median of 3); a page that gives an identity token (`verify-widget serve`) loads 3.40 kB more, only then<!-- /figures --> to an app.',
    )
    // Written once, the same text checks clean.
    expect(rewriteBlocks('README.md', done.text, results)).toEqual({ text: done.text, changed: [], problems: [] })
  })

  it('gives a block of several lines lines of its own', () => {
    const done = rewriteBlocks('docs/x.md', '<!-- figures:size-budgets --><!-- /figures -->', results)
    expect(done.text).toMatch(
      /^<!-- figures:size-budgets -->\n\| size-limit check .*\n\| import \{ VerifyButton \} from 'verify-widget' \| 5\.89 kB \| 6\.00 kB \|\n/s,
    )
    expect(done.text).toMatch(/From `npm run bench`, 2026-12-03, commit abc1234, load average 1 → 2 on 2 cores\.\n<!-- \/figures -->$/)
  })

  it('names an unknown block, a missing section with the command that fills it, and an unpaired marker', () => {
    const text = '<!-- figures:no-such -->x<!-- /figures -->\n<!-- figures:quota-table --><!-- /figures -->\n<!-- figures:app-size -->'
    const { problems, changed } = rewriteBlocks('docs/y.md', text, results)
    expect(changed).toEqual([])
    expect(problems).toEqual([
      expect.stringContaining('docs/y.md: no figures block is called "no-such"'),
      'docs/y.md: figures:quota-table: bench/results.json has no `quota` figures: run `npm run bench -- --only=quota`',
      expect.stringContaining('docs/y.md: a figures marker without its pair'),
    ])
    expect(() => BLOCKS['instances-table']!(results)).toThrow(MissingSection)
  })

  it('refuses a size typed by hand outside a block, but not in a code span', () => {
    const text = 'The button is 5.71 KB.\nA limit is written `"6 kB"`, `1 kB = 1000 B`.\nInstance B has 2 cores.'
    expect(rewriteBlocks('docs/z.md', text, results).problems).toEqual([
      'docs/z.md:1: "5.71 KB" is typed by hand; quote it from the results in a figures block',
    ])
  })
})
