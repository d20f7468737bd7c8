import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll } from 'vitest'
import { createMemoryStore } from '../../src/server'
import { createSqliteStore } from '../../src/server/node'
import { describeStoreContract } from './store-contract'

const dir = mkdtempSync(join(tmpdir(), 'vw-contract-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const paths = new WeakMap<object, string>()

describeStoreContract('memory', (clock) => createMemoryStore(clock))

describeStoreContract(
  'sqlite',
  (clock) => {
    const path = join(dir, `store-${++files}.sqlite`)
    const store = createSqliteStore({ path, now: clock.now })
    paths.set(store, path)
    return store
  },
  {
    // A trigger from a second connection: the store's own writes fail as a real disk or lock error would.
    async breakStatusWrites(store) {
      const db = new Database(paths.get(store)!)
      db.exec(`CREATE TRIGGER fail_status BEFORE UPDATE OF status ON sessions BEGIN SELECT RAISE(ABORT, 'status write failed'); END`)
      return async () => {
        db.exec('DROP TRIGGER fail_status')
        db.close()
      }
    },
  },
)
