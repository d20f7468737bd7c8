import type { BenchResults } from '../bench/rows'
import { BLOCKS, type Render } from './blocks'

const BLOCK = /<!-- figures:([\w-]+) -->([\s\S]*?)<!-- \/figures -->/g
// A size written as a figure ("5.89 kB", "671 B", "6 KB"): in the docs only inside a block (or a code span).
const HAND_TYPED_SIZE = /(?<![\w.])\d+(?:[.,]\d+)?\s?(?:B|kB|KB|KiB|MB|MiB)\b/

export interface Rewritten {
  text: string
  /** `file: figures:name` for each block whose text changes. */
  changed: string[]
  problems: string[]
}

/**
 * Writes each figures block of one document from the results: an inline block stays on its line,
 * a block of several lines gets lines of its own. Also reports blocks it cannot write, markers
 * without their pair, and sizes typed by hand outside any block.
 */
export function rewriteBlocks(name: string, text: string, results: BenchResults, blocks: Record<string, Render> = BLOCKS): Rewritten {
  const changed: string[] = []
  const problems: string[] = []
  const next = text.replace(BLOCK, (whole, block: string, current: string) => {
    const render = blocks[block]
    if (!render) {
      problems.push(`${name}: no figures block is called "${block}" (known: ${Object.keys(blocks).join(', ')})`)
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
  return { text: next, changed, problems }
}
