/**
 * vitest globalSetup of the runtime matrix: Node 22 installed from npm into its own folder when it
 * is not there yet (one `npm ci`, cached by npm afterwards), then the run's PostgreSQL server.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import setupPostgres from '../support/postgres-setup'
import { NODE22_BIN, NODE22_DIR } from './runtimes'

export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync(NODE22_BIN)) {
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: NODE22_DIR, stdio: 'inherit' })
    if (npm.status !== 0) throw new Error(`Installing Node 22 in ${NODE22_DIR} failed: run \`npm ci\` there to see why.`)
  }
  return setupPostgres()
}
