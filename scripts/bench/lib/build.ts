import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { bin, HOSTED_DIST, LIB_DIST, ROOT } from './paths'

function vite(args: string[]): void {
  const result = spawnSync(bin('vite'), ['build', '--logLevel', 'error', ...args], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`)
}

/**
 * Builds the library and the hosted page into bench/.tmp, never into dist/ or dist-hosted/: the
 * figures are those of the sources as they are now, and a build running elsewhere in the working
 * tree cannot empty the folder the bench is serving.
 */
export function buildForBench(): void {
  rmSync(LIB_DIST, { recursive: true, force: true })
  vite(['--mode', 'lib', '--outDir', LIB_DIST])
  vite(['--mode', 'element', '--outDir', LIB_DIST])
  vite(['--outDir', HOSTED_DIST, '--emptyOutDir'])
}
