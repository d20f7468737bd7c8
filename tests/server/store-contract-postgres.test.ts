import { testDatabaseUrl } from '../support/postgres'
import { describePostgresStoreContract } from './store-contract-postgres'

// The same contract as the memory and SQLite stores, on the run's PostgreSQL server (tests/runtimes
// runs it again inside Node 22, Bun, Deno and workerd).
describePostgresStoreContract(testDatabaseUrl)
