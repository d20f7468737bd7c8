import { formatTable } from '../bench/lib/report'
import { median } from '../bench/lib/stats'
import { STUCK_P95_ALLOWANCE_MS } from '../bench/outcome'
import { HONEST_SUCCESS, type QuotaScenario } from '../bench/quota'
import { type BenchResults, BUDGETS, rowsFor, SECTIONS, type SectionName, type SectionRun, sectionRows } from '../bench/rows'
import { type RuntimeColdStart, SHORT_NAMES } from '../bench/runtimes'
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

const ms = (n: number) => `${n} ms`

/** A runtime's cold start in a few words, or why it did not load. */
function coldStart(r: RuntimeColdStart): string {
  if (r.error || r.handlerMs === undefined) return `does not load (${r.error ?? 'no figure'})`
  return ms(r.handlerMs)
}

/** The honest users' line of a quota attack. */
function honestLine(s: QuotaScenario): string {
  const h = s.honest!
  return `${h.created} of ${h.users} honest users' creates succeeded, ${s.provider429} provider 429, ${s.maxPerMinute} provider calls in the busiest minute`
}

function attack(r: BenchResults, starts: string): QuotaScenario {
  const found = section(r, 'quota').figures.scenarios.find((s) => s.honest && s.name.startsWith(starts))
  if (!found) throw new Error(`bench/results.json has no quota scenario "${starts}…": run \`npm run bench -- --only=quota\``)
  return found
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
    const [withToken] = sizeOf(r, 'app', 'with TanStack Query and an identity token')
    const locales = localeSpread(r)
    return `${formatSize(withQuery!.bytes)} of JS (gzip) with your own TanStack Query, ${formatSize(withoutQuery!.bytes)} without it (TanStack Query included); other languages load on demand, ${formatSize(locales.median)} each (median of ${locales.count}); a page that gives an identity token (\`verify-widget serve\`) loads ${formatSize(withToken!.bytes - withQuery!.bytes)} more, only then`
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
    return `${formatSize(h.jsGzipBytes)} in English, ${formatSize(h.arabic.jsGzipBytes)} in Arabic (its locale chunks on top), no framework; budget ${formatSize(hosted!.limitBytes ?? Number.NaN)}`
  },
  'instances-table': (r) => `${table(r, ['instances'])}\n\nFrom ${provenance(section(r, 'instances').run)}.`,
  'quota-table': (r) => `${table(r, ['quota'])}\n\nFrom ${provenance(section(r, 'quota').run)}.`,
  'backend-table': (r) => `${table(r, ['backend'])}\n\nFrom ${provenance(section(r, 'backend').run)}.`,
  /** Handler cold start per runtime of the matrix, with how each was taken. */
  'runtimes-cold-start': (r) => {
    const { run, figures } = section(r, 'runtimes')
    const lines = figures.runtimes.map((rt) => {
      const how =
        rt.method === 'spawn' && rt.coldStartMs && rt.baselineMs
          ? `spawn → first answer: ${ms(rt.coldStartMs.median)} with the handler, ${ms(rt.baselineMs.median)} without`
          : 'import, create, first answer, timed in the runtime'
      const p95 = rt.method === 'in-runtime' && rt.coldStartMs && !rt.error ? ms(rt.coldStartMs.p95) : ''
      return `| ${rt.title} | ${rt.version ?? ''} | ${coldStart(rt)} | ${p95} | ${rt.error ? '' : how} |`
    })
    return [
      '| runtime | version | handler cold start | p95 | how |',
      '| --- | --- | --- | --- | --- |',
      ...lines,
      '',
      `Medians of ${figures.rounds}, from ${provenance(run)}.`,
    ].join('\n')
  },
  /** The same in one line. */
  'runtimes-cold-start-line': (r) => {
    const { run, figures } = section(r, 'runtimes')
    const each = figures.runtimes.map((rt) => `${SHORT_NAMES[rt.runtime]} ${coldStart(rt)}`).join(', ')
    return `${each} (medians of ${figures.rounds}; ${provenance(run)})`
  },
  /** A phone's result shown on the desktop (issue 20). */
  'handoff-latency': (r) => {
    const { run, figures } = section(r, 'handoff')
    return `${ms(Math.round(figures.ms.median))} median, ${ms(Math.round(figures.ms.p95))} p95 over ${figures.handoffs} handoffs (budget: p95 ≤ ${BUDGETS.handoffP95Ms} ms), with ${figures.desktopProviderCreates} provider sessions created by the desktops before their phone opened the link (${provenance(run)})`
  },
  /** What "continue on your phone" adds to a page, and only when it shows. */
  'handoff-sizes': (r) => {
    const size = (name: string) => {
      const [check] = sizeOf(r, 'budget', name)
      return `${formatSize(check!.bytes)} (budget ${formatSize(check!.limitBytes ?? Number.NaN)})`
    }
    return [
      `the QR code's chunk ${size('the QR code of a link to a phone (uqr, the encoder, with its SVG), loaded only when that link shows')},`,
      `${size('the QR code of a link to a phone, <verify-button>')} for \`<verify-button>\`;`,
      `the view with its English ${size('loaded when a blocked camera, a flow that did not load or "continue on your phone" shows (React button, createVerification): the view and its English')};`,
      `what a page loads up front, neither of them in it: \`VerifyButton\` ${size("import { VerifyButton } from 'verify-widget'")},`,
      `\`<verify-button>\` ${size('<verify-button>: what a page loads up front (dist/element.js, one file with no import of another)')}`,
      `(gzip; ${provenance(section(r, 'bundle').run)})`,
    ].join(' ')
  },
  /** Webhook verification by the core (and its Web Crypto path) against node:crypto on Node. */
  'crypto-table': (r) => `${table(r, ['crypto'])}\n\nFrom ${provenance(section(r, 'crypto').run)}.`,
  /** Honest users while the limits are attacked (issue: limits nobody can turn against others). */
  'quota-fairness': (r) => {
    const refresh = attack(r, 'one user refreshing')
    const flood = attack(r, 'two addresses')
    return `with one user sending refreshes as fast as it can, ${honestLine(refresh)}; with two addresses (one IPv4, one IPv6 /64) flooding creates, ${honestLine(flood)} (budget: ≥ ${HONEST_SUCCESS * 100} %, no provider 429; a live key's budget, ${refresh.limit} calls a minute documented; ${provenance(section(r, 'quota').run)})`
  },
  /** Another session's delivery while hooks hang. */
  'outbox-stuck': (r) => {
    const { run, figures } = section(r, 'backend')
    const s = figures.outcomeHook.stuck
    return `webhook → hook for another session, median / p95 of ${s.withMs.runs}: ${ms(s.withoutMs.median)} / ${ms(s.withoutMs.p95)} without, ${ms(s.withMs.median)} / ${ms(s.withMs.p95)} with ${s.hooks} hooks that never settle (budget: p95 within ${STUCK_P95_ALLOWANCE_MS} ms of the run without; ${provenance(run)})`
  },
}
