import { describePostgresStoreContract } from '../../server/store-contract-postgres'
import { collectedNames, resetCollected, runCollected, type TestResult } from './vitest-shim'

/** Printed before the JSON results by a contract script, so runtime warnings around it do not matter. */
export const RESULTS_MARKER = 'VERIFY_CONTRACT_RESULTS '

/** The contract's test names, in order, without running anything. */
export function listPostgresContract(): string[] {
  describePostgresStoreContract(() => '')
  const names = collectedNames()
  resetCollected()
  return names
}

/** Runs the PostgreSQL store contract here, in whatever runtime loaded this. */
export function runPostgresContract(databaseUrl: string): Promise<TestResult[]> {
  describePostgresStoreContract(() => databaseUrl)
  return runCollected()
}
