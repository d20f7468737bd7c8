/**
 * vitest globalSetup of the runtime matrix: Node 22 installed from npm into its own folder when it
 * is not there yet (one `npm ci`, cached by npm afterwards), then the run's PostgreSQL server.
 */
import { ensureNode22 } from '../../scripts/lib/node22.mjs'
import setupPostgres from '../support/postgres-setup'

export default async function setup(): Promise<() => Promise<void>> {
  ensureNode22()
  return setupPostgres()
}
