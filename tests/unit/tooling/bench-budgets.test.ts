// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { overBudget, type Row } from '../../../scripts/bench/lib/report'
import type { MemoryFigures } from '../../../scripts/bench/memory'
import { allowedReads, BUDGETS, sectionRows } from '../../../scripts/bench/rows'

const memory = (growthBytes: number, nodes: [number, number] = [47, 47]): MemoryFigures => ({
  warmupCycles: 20,
  cycles: 100,
  heapBeforeBytes: 3_000_000,
  heapAfterBytes: 3_000_000 + growthBytes,
  growthBytes,
  growthPercent: (growthBytes / 3_000_000) * 100,
  nodes,
  listeners: [167, 167],
  documents: [1, 1],
})

describe('bench budgets mean what they say', () => {
  it('the heap budget is per cycle, with no clause that lets a larger growth through', () => {
    const within = sectionRows('memory', memory(BUDGETS.heapGrowthPerCycleBytes * 100))
    const over = sectionRows('memory', memory(BUDGETS.heapGrowthPerCycleBytes * 100 + 100))
    expect(within[0]).toMatchObject({ kind: 'heap', ok: true })
    expect(over[0]).toMatchObject({ kind: 'heap', ok: false })
  })

  it('a DOM node, listener or document more after the cycles is over budget', () => {
    expect(sectionRows('memory', memory(0))[1]).toMatchObject({ kind: 'count', ok: true })
    expect(sectionRows('memory', memory(0, [47, 48]))[1]).toMatchObject({ kind: 'count', ok: false })
  })

  it('provider reads are allowed once at first, then once per interval', () => {
    expect(allowedReads(60, 5000)).toBe(13)
    expect(allowedReads(3, 5000)).toBe(1)
  })

  it('the smoke run holds sizes and counts to their budgets, not times or the heap', () => {
    const rows: Row[] = [
      { section: 'a', measure: 'size', value: '', kind: 'size', ok: false },
      { section: 'b', measure: 'count', value: '', kind: 'count', ok: false },
      { section: 'c', measure: 'time', value: '', kind: 'time', ok: false },
      { section: 'd', measure: 'heap', value: '', kind: 'heap', ok: false },
      { section: 'e', measure: 'did not finish', value: '', ok: false },
      { section: 'f', measure: 'fine', value: '', kind: 'size', ok: true },
    ]
    expect(overBudget(rows, true).map((r) => r.section)).toEqual(['a', 'b', 'e'])
    expect(overBudget(rows).map((r) => r.section)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })
})
