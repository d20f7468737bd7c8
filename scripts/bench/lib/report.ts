/** One line of the printed table; a row with a budget counts toward the exit code. */
export interface Row {
  section: string
  measure: string
  value: string
  budget?: string
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

export const overBudget = (rows: readonly Row[]) => rows.filter((r) => r.ok === false)
