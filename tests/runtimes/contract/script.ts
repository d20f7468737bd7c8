// The store contract as a script (Node, Bun and Deno all give process.env): prints the results.
import { RESULTS_MARKER, runPostgresContract } from './postgres'

const results = await runPostgresContract(process.env.VERIFY_TEST_DATABASE_URL ?? '')
console.log(`${RESULTS_MARKER}${JSON.stringify(results)}`)
