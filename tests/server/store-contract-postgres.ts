import pg from 'pg'
import { createPostgresStore } from '../../src/server'
import { describeStoreContract } from './store-contract'

/**
 * The store contract on a PostgreSQL server: a fresh schema per store, so tests share the server
 * but nothing else. Web APIs only here (the suite also runs inside Bun, Deno and workerd).
 */
export function describePostgresStoreContract(databaseUrl: () => string): void {
  const schemas = new WeakMap<object, string>()
  describeStoreContract(
    'postgres',
    (clock) => {
      const schema = `contract_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
      const store = createPostgresStore({ connectionString: databaseUrl(), schema, now: clock.now })
      schemas.set(store, schema)
      return store
    },
    {
      // A trigger added from another connection: the store's status writes fail as a real error would.
      async breakStatusWrites(store) {
        const schema = schemas.get(store)!
        await store.get('migrate-first')
        const client = new pg.Client({ connectionString: databaseUrl() })
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
}
