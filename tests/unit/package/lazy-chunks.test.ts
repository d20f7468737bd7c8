// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module script, without declarations
import { checkLazyChunks } from '../../../scripts/check-package.mjs'

// The guard the size budgets rest on: size-limit leaves the dialog's code, element/ and locales/ out of the
// first-load figures, which is honest only while nothing imports them statically.
let dist: string
const write = (files: Record<string, string>) => {
  dist = mkdtempSync(join(tmpdir(), 'verify-dist-'))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true })
    writeFileSync(join(dist, file), text)
  }
  return checkLazyChunks(dist) as string[]
}
afterEach(() => rmSync(dist, { recursive: true, force: true }))

const ENTRIES = {
  'index.js': 'import{a}from"./core/shared.js";export const b=()=>import("./ui/controller.js")',
  'core/shared.js': 'export const a=1',
  'dom.js': 'export{}',
  'core.js': 'export{}',
  'core-store.js': 'export{}',
  'core-hub.js': 'export{}',
  'locales.js': 'export const p=()=>import("./locales/pick.js")',
  'ui/controller.js': 'import{a}from"../core/shared.js";export{a}',
  'locales/pick.js': 'export{}',
  'element.js': 'export const c=()=>import("./element/controller-abcdefgh.js")',
  'element/controller-abcdefgh.js': 'import{x}from"../element.js";export{x}',
}

describe('check-package: lazy chunks and the standalone element', () => {
  it('passes a build whose lazy chunks are only imported dynamically', () => {
    expect(write(ENTRIES)).toEqual([])
  })

  it('fails an entry that imports a lazy chunk statically, through a shared chunk too', () => {
    const problems = write({ ...ENTRIES, 'core/shared.js': 'import"../ui/controller.js";export const a=1' })
    expect(problems).toEqual(['dist/core/shared.js imports ui/controller.js statically'])
  })

  it('fails a core module that imports the token’s code or the stream reader statically (they load only with a token)', () => {
    const problems = write({
      ...ENTRIES,
      'core.js': 'import"./core/client.js";export{}',
      'core/client.js': 'import{a}from"./token.js";import"./event-stream.js";export const c=()=>import("./token.js")',
      'core/token.js': 'export const a=1',
      'core/event-stream.js': 'export{}',
    })
    expect(problems).toEqual([
      'dist/core/client.js imports core/token.js statically',
      'dist/core/client.js imports core/event-stream.js statically',
    ])
  })

  it('fails an element.js that imports another file, or any file of its graph that names a package', () => {
    const problems = write({
      ...ENTRIES,
      'element.js': 'import{y}from"./element/shared-abcdefgh.js";export const c=()=>import("./element/controller-abcdefgh.js")',
      'element/shared-abcdefgh.js': 'export const y=1',
      'element/controller-abcdefgh.js': 'import{h}from"react";export{h}',
    })
    expect(problems).toContain('dist/element.js imports ./element/shared-abcdefgh.js statically')
    expect(problems).toContain('dist/element/controller-abcdefgh.js imports react: a page with no bundler cannot resolve it')
  })
})
