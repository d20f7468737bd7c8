// Node 22 from npm, installed apart in tests/runtimes/node22: as a root dependency its `node` would
// come first on the PATH of every npm script and take the machine's Node 20 out of every gate. The
// runtime matrix runs it as a runtime; the examples gate hands it to an app whose `engines` asks for it
// (wrangler needs Node 22.12).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, join, resolve } from 'node:path'

export const NODE22_DIR = resolve(import.meta.dirname, '../../tests/runtimes/node22')
export const NODE22_BIN_DIR = join(NODE22_DIR, 'node_modules/node/bin')
export const NODE22_BIN = join(NODE22_BIN_DIR, 'node')

/** Installs Node 22 (`npm ci` there, from the npm registry) when it is not there yet. */
export function ensureNode22() {
  if (existsSync(NODE22_BIN)) return
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: NODE22_DIR, stdio: 'inherit' })
  if (npm.status !== 0) throw new Error(`Installing Node 22 in ${NODE22_DIR} failed: run \`npm ci\` there to see why.`)
}

/**
 * The environment to run an app's scripts in: Node 22 first on the PATH when the app's
 * `engines.node` (a `>=` range) needs a newer major than the Node running this.
 */
export function envForApp(appDir, env = process.env) {
  const wanted = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).engines?.node
  const major = Number(/^>=\s*(\d+)/.exec(wanted ?? '')?.[1] ?? 0)
  if (major <= Number(process.versions.node.split('.')[0])) return env
  ensureNode22()
  return { ...env, PATH: `${NODE22_BIN_DIR}${delimiter}${env.PATH ?? ''}` }
}
