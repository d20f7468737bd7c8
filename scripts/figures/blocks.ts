import { formatTable } from '../bench/lib/report'
import { median } from '../bench/lib/stats'
import { type BenchResults, rowsFor, SECTIONS, type SectionName, type SectionRun, sectionRows } from '../bench/rows'
import { formatSize } from '../lib/size.mjs'

/** A block's text, or a reason it cannot be written (a missing section names the command that fills it). */
export type Render = (results: BenchResults) => string

export class MissingSection extends Error {
  constructor(section: SectionName) {
    super(`bench/results.json has no \`${section}\` figures: run \`npm run bench -- --only=${section}\``)
  }
}

function section<K extends SectionName>(results: BenchResults, name: K) {
  const found = results.sections[name]
  if (!found) throw new MissingSection(name)
  return found
}

const day = (iso: string) => iso.slice(0, 10)
const load = (run: SectionRun) => `load average ${run.loadAverage[0]} → ${run.loadAverage[1]} on ${run.cpus} cores`

/** "(`npm run bench`, 2026-12-03, commit abc1234, load average 5 → 6 on 2 cores)": where a section's figures come from. */
function provenance(run: SectionRun): string {
  const how = run.mode === 'full' ? '`npm run bench`' : `\`npm run bench -- --${run.mode}\``
  return `${how}, ${day(run.date)}, commit ${run.commit ?? 'unknown'}, ${load(run)}`
}

function sizeOf(results: BenchResults, group: string, name?: string) {
  const checks = section(results, 'bundle').figures.checks.filter((c) => c.group === group && (name === undefined || c.name === name))
  if (!checks.length)
    throw new Error(`bench/results.json has no ${group} size${name ? ` named "${name}"` : ''}: run \`npm run bench -- --only=bundle\``)
  return checks
}

function localeSpread(results: BenchResults) {
  const locales = [...sizeOf(results, 'locale')].sort((a, b) => a.bytes - b.bytes)
  return { count: locales.length, smallest: locales[0]!, largest: locales.at(-1)!, median: median(locales.map((l) => l.bytes)) }
}

/** A table of some sections' rows (the bench's own table format). */
const table = (results: BenchResults, names: readonly SectionName[]) =>
  formatTable(names.flatMap((name) => sectionRows(name, section(results, name).figures as never)))

export const BLOCKS: Record<string, Render> = {
  /** Every figure of the last runs, as `npm run bench` prints them. */
  'bench-table': (r) => {
    for (const name of SECTIONS) section(r, name)
    return formatTable(rowsFor(r.sections))
  },
  /** When and where each section was measured. */
  'bench-runs': (r) => {
    const lines = SECTIONS.map((name) => {
      const run = section(r, name).run
      const browser = run.chromium ? `, Chromium ${run.chromium}` : ''
      return `| ${name} | ${run.date.slice(0, 16).replace('T', ' ')} UTC | ${run.commit ?? ''} | ${run.mode} | ${run.seconds} s | ${run.loadAverage[0]} → ${run.loadAverage[1]} | Node ${run.node.replace(/^v/, '')}${browser}, ${run.cpus} cores |`
    })
    return [
      '| section | taken | commit | run | took | load average | machine |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...lines,
    ].join('\n')
  },
  /** How long the last run of every section took. */
  'bench-duration': (r) => {
    if (!r.lastFullRun) throw new Error('bench/results.json has no run of every section: run `npm run bench`')
    const { seconds } = r.lastFullRun
    return `${Math.round(seconds / 60)} minutes (${seconds} s on ${day(r.lastFullRun.date)}, commit ${r.lastFullRun.commit ?? 'unknown'})`
  },
  'bench-sections': () => `\`--only=${SECTIONS.join(',')}\``,
  /** What a page with the widget loads: the README's install paragraph. */
  'app-size': (r) => {
    const [withQuery] = sizeOf(r, 'app', 'with TanStack Query')
    const [withoutQuery] = sizeOf(r, 'app', 'without TanStack Query')
    const locales = localeSpread(r)
    return `${formatSize(withQuery!.bytes)} of JS (gzip) with your own TanStack Query, ${formatSize(withoutQuery!.bytes)} without it (TanStack Query included); other languages load on demand, ${formatSize(locales.median)} each (median of ${locales.count})`
  },
  /** Each size budget of package.json with its figure. */
  'size-budgets': (r) => {
    const rows = sizeOf(r, 'budget').map((c) => `| ${c.name} | ${formatSize(c.bytes)} | ${formatSize(c.limitBytes ?? Number.NaN)} |`)
    const run = section(r, 'bundle').run
    return [
      '| size-limit check (gzip, 1 kB = 1000 B) | size | budget |',
      '| --- | --- | --- |',
      ...rows,
      '',
      `From ${provenance(run)}.`,
    ].join('\n')
  },
  'locale-chunks': (r) => {
    const l = localeSpread(r)
    return `${formatSize(l.smallest.bytes)} (\`${l.smallest.name}\`) to ${formatSize(l.largest.bytes)} (\`${l.largest.name}\`), ${formatSize(l.median)} median over ${l.count} locales`
  },
  'hosted-js': (r) => {
    const h = section(r, 'hosted').figures
    const [hosted] = sizeOf(r, 'hosted')
    return `${formatSize(h.jsGzipBytes)} in English, ${formatSize(h.arabic.jsGzipBytes)} in Arabic (its locale chunks on top), React included; budget ${formatSize(hosted!.limitBytes ?? Number.NaN)}`
  },
  'instances-table': (r) => `${table(r, ['instances'])}\n\nFrom ${provenance(section(r, 'instances').run)}.`,
  'quota-table': (r) => `${table(r, ['quota'])}\n\nFrom ${provenance(section(r, 'quota').run)}.`,
  'backend-table': (r) => `${table(r, ['backend'])}\n\nFrom ${provenance(section(r, 'backend').run)}.`,
}
