import pg from 'pg'
import { createPostgresStore } from '../../src/server'
import { freshSchema, testDatabaseUrl } from '../support/postgres'
import { describeStoreContract } from './store-contract'

const schemas = new WeakMap<object, string>()

// The same contract as the memory and SQLite stores, on the run's PostgreSQL server: a fresh
// schema per store, so tests share the server but nothing else.
describeStoreContract(
  'postgres',
  (clock) => {
    const schema = freshSchema('contract')
    const store = createPostgresStore({ connectionString: testDatabaseUrl(), schema, now: clock.now })
    schemas.set(store, schema)
    return store
  },
  {
    // A trigger added from another connection: the store's status writes fail as a real error would.
    async breakStatusWrites(store) {
      const schema = schemas.get(store)!
      await store.get('migrate-first')
      const client = new pg.Client({ connectionString: testDatabaseUrl() })
      await client.connect()
      await client.query(`CREATE FUNCTION "${schema}".fail_status() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'status write failed'; END $$`)
      await client.query(
        `CREATE TRIGGER fail_status BEFORE UPDATE OF status ON "${schema}".sessions FOR EACH ROW EXECUTE FUNCTION "${schema}".fail_status()`,
      )
      return async () => {
        await client.query(`DROP TRIGGER fail_status ON "${schema}".sessions`)
        await client.end()
      }
    },
  },
)
