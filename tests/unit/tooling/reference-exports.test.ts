// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { documentedExports } from '../../../scripts/lib/reference-exports.mjs'

describe('what docs/reference.md says an entry exports', () => {
  it('reads the first column of export tables in each marked section, nothing else', () => {
    const text = [
      '<!-- exports: verify-widget -->',
      'Prose that mentions `NotAnExport` is not a claim.',
      '',
      '| export | what |',
      '| --- | --- |',
      '| `VerifyButton`, type `VerifyButtonProps` | the button, with `mode` \\| `inline` |',
      '| `useVerification({ provider, mode? })` | a hook |',
      '| `<FlowFrame>`, `verificationKeys.session(id)` | more |',
      "| `* from 'verify-widget/core'` | everything of core |",
      '',
      '| route | answer |',
      '| --- | --- |',
      '| `GET /sessions/:id` | not an export table |',
      '<!-- /exports -->',
      '| export | what |',
      '| `Outside` | after the section |',
    ].join('\n')
    const { sections, duplicates } = documentedExports(text)
    expect(duplicates).toEqual([])
    expect([...sections.keys()]).toEqual(['verify-widget'])
    const entry = sections.get('verify-widget')!
    expect([...entry.names].sort()).toEqual(['FlowFrame', 'VerifyButton', 'VerifyButtonProps', 'useVerification', 'verificationKeys'])
    expect(entry.reexports).toEqual(['verify-widget/core'])
  })

  it('names a section written twice', () => {
    const section = '<!-- exports: verify-widget/core -->\n| export | what |\n| `a` | x |\n<!-- /exports -->\n'
    expect(documentedExports(section + section).duplicates).toEqual(['verify-widget/core'])
  })
})
