import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../../..')
/** Everything the bench builds or writes on the way (git-ignored). */
export const TMP = join(ROOT, 'bench/.tmp')
/** The library, built by the bench so that it measures the sources as they are now. */
export const LIB_DIST = join(TMP, 'dist')
/** The app's working directory: scripts/start.ts serves `dist-hosted` relative to it. */
export const APP_CWD = join(TMP, 'app')
export const HOSTED_DIST = join(APP_CWD, 'dist-hosted')
export const RESULTS = join(ROOT, 'bench/results.json')
export const bin = (name: string) => join(ROOT, 'node_modules/.bin', name)
