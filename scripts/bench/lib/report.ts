/**
 * What a budget is about: a size or a count comes out the same on any machine, a time or the heap
 * does not. The smoke run (small sizes, a busy machine) holds only the first two to their budgets.
 */
export type BudgetKind = 'size' | 'count' | 'time' | 'heap'

/** One line of the printed table; a row with a budget counts toward the exit code. */
export interface Row {
  section: string
  measure: string
  value: string
  budget?: string
  kind?: BudgetKind
  /** undefined: no budget. */
  ok?: boolean
}

const verdict = (row: Row) => (row.ok === undefined ? '' : row.ok ? 'ok' : 'OVER')

/** A Markdown table: readable in a terminal, and pasted as is into the README. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['', 'measure', 'value', 'budget', '']
  const lines = rows.map((r) => [r.section, r.measure, r.value, r.budget ?? '', verdict(r)])
  const widths = header.map((h, i) => Math.max(h.length, 3, ...lines.map((l) => l[i]!.length)))
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...lines.map(line)].join('\n')
}

/** Rows over their budget; `smoke` leaves out the budgets a small run on a busy machine cannot hold to. */
export const overBudget = (rows: readonly Row[], smoke = false) =>
  rows.filter((r) => r.ok === false && (!smoke || r.kind === undefined || r.kind === 'size' || r.kind === 'count'))
