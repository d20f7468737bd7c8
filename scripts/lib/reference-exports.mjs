// How docs/reference.md says what each entry point exports (read by scripts/api-report.mjs).

/**
 * docs/reference.md: each entry is a section between `<!-- exports: <specifier> -->` and
 * `<!-- /exports -->`; in it, the first column of every table headed `export` names exports, by
 * the identifier each code span starts with (`useVerification({ … })`, `<VerifyButton>`,
 * `type Locale`), or all of another entry's with `* from '<specifier>'`.
 */
export function documentedExports(text) {
  const sections = new Map()
  const duplicates = []
  for (const match of text.matchAll(/<!-- exports: ([^\s]+) -->([\s\S]*?)<!-- \/exports -->/g)) {
    const names = new Set()
    const reexports = []
    let inTable = false
    for (const line of match[2].split('\n')) {
      if (!line.startsWith('|')) {
        inTable = false
        continue
      }
      const first = line.split(/(?<!\\)\|/)[1]?.trim() ?? ''
      if (/^export$/i.test(first)) {
        inTable = true
        continue
      }
      if (!inTable || /^-+$/.test(first)) continue
      for (const span of first.matchAll(/`([^`]+)`/g)) {
        const all = /^\*\s+from\s+['"]([^'"]+)['"]$/.exec(span[1].trim())
        if (all) reexports.push(all[1])
        else {
          const name = /^<?(?:type\s+)?([A-Za-z_$][\w$]*)/.exec(span[1].trim())
          if (name) names.add(name[1])
        }
      }
    }
    if (sections.has(match[1])) duplicates.push(match[1])
    sections.set(match[1], { names, reexports })
  }
  return { sections, duplicates }
}
