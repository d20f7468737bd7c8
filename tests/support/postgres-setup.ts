/**
 * vitest globalSetup: one throwaway PostgreSQL server for the whole run. Workers find it through
 * VERIFY_TEST_DATABASE_URL (set before they start, so they inherit it); an already set URL is used as is.
 */
import { startPostgres, TEST_DATABASE_ENV } from './postgres'

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env[TEST_DATABASE_ENV]) return async () => {}
  const server = await startPostgres()
  process.env[TEST_DATABASE_ENV] = server.url
  return async () => {
    delete process.env[TEST_DATABASE_ENV]
    await server.stop()
  }
}
