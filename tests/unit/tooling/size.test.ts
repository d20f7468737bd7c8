// @vitest-environment node
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { formatSize, GZIP_LEVEL, gzipSize, HOSTED_PAGE_JS_LIMIT, limitBytes } from '../../../scripts/lib/size.mjs'

describe('the one definition of size', () => {
  it('reads a limit as size-limit does, in B or kB (1 kB = 1000 B)', () => {
    expect(limitBytes('6 kB')).toBe(6000)
    expect(limitBytes('3.5 kB')).toBe(3500)
    expect(limitBytes('700 B')).toBe(700)
    expect(limitBytes(HOSTED_PAGE_JS_LIMIT)).toBe(19_000)
  })

  it('refuses a unit that means 1000 in one tool and 1024 in another, naming the fix', () => {
    for (const ambiguous of ['6 KB', '6 KiB', '6kb', '6 MB', '6'])
      expect(() => limitBytes(ambiguous)).toThrow(/write it as "<number> kB" \(1 kB = 1000 B\)/)
  })

  it('every size-limit budget of package.json is written in that definition', () => {
    const checks = JSON.parse(readFileSync('package.json', 'utf8'))['size-limit'] as { name: string; limit?: string; gzip?: boolean }[]
    expect(checks.length).toBeGreaterThan(0)
    for (const check of checks) {
      expect(check.gzip, check.name).toBe(true)
      expect(() => limitBytes(check.limit ?? ''), check.name).not.toThrow()
    }
  })

  it('gzips at level 9, as size-limit does', () => {
    const text = Buffer.from('verify-widget '.repeat(500) + Array.from({ length: 500 }, (_, i) => i * 7919).join(','))
    expect(GZIP_LEVEL).toBe(9)
    expect(gzipSize(text)).toBe(gzipSync(text, { level: 9 }).length)
    expect(gzipSize(text)).not.toBe(gzipSync(text, { level: 1 }).length)
  })

  it('prints bytes under 1 kB and kB with two decimals above', () => {
    expect(formatSize(671)).toBe('671 B')
    expect(formatSize(999)).toBe('999 B')
    expect(formatSize(1000)).toBe('1.00 kB')
    expect(formatSize(5886)).toBe('5.89 kB')
  })
})
