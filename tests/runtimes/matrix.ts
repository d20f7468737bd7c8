import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src/sandbox'
import { freePort } from '../e2e/support/ports'
import { testDatabaseUrl } from '../support/postgres'
import type { TestHandlerOptions } from './app'
import { contractTestNames, KEPT_STORE_TEST, runContractIn } from './contract/run'
import type { TestResult } from './contract/vitest-shim'
import { type RunningRuntime, startRuntime } from './launch'
import { RUNTIMES, type RuntimeName } from './runtimes'
import { type Backend, describeBackendSuite, startOutcomeReceiver } from './suite'

const SERVE = join(import.meta.dirname, 'serve')

/**
 * A value that `beforeAll` fills in. When getting it failed, every test that asks for it fails with
 * that error (not a skip): the gate counts each of them as failed, with the runtime's own words.
 */
function lazy<T>(start: () => Promise<T>, stop: (value: T) => Promise<void>): () => T {
  let value: T | undefined
  let failure: unknown
  beforeAll(async () => {
    try {
      value = await start()
    } catch (error) {
      failure = error
    }
  })
  afterAll(async () => {
    if (value !== undefined) await stop(value)
  })
  return () => {
    if (failure !== undefined) throw failure
    if (value === undefined) throw new Error('Not started.')
    return value
  }
}

/**
 * The runtime matrix for one runtime: the handler with the memory store, bundled and served by the
 * runtime's own server, passes the black-box suite against a sandbox in this process; where the
 * runtime has TCP sockets, the PostgreSQL store passes the store contract inside it.
 */
export function describeRuntime(name: RuntimeName, contractNames: string[]): void {
  const spec = RUNTIMES[name]
  describe(spec.title, () => {
    describe('backend on the memory store', () => {
      const backend = lazy(
        async (): Promise<Backend & { runtime: RunningRuntime }> => {
          const sandbox: Sandbox = await startSandbox({ webhookRetry: { initialMs: 20, maxMs: 200, maxAttempts: 8 } })
          const tokens = { secret: randomBytes(32).toString('hex'), audience: 'https://verify.runtime.test' }
          const outcomes = await startOutcomeReceiver(`whsec_${randomBytes(32).toString('base64')}`)
          try {
            const port = await freePort()
            const url = `http://127.0.0.1:${port}`
            const options: TestHandlerOptions = {
              ...sandbox.handlerOptions({ appUrl: url }),
              heartbeatMs: 100,
              cors: { origins: ['https://shop.example'] },
              tokens,
              outcomes: { url: outcomes.url, secret: outcomes.secret },
            }
            const runtime = await startRuntime(spec, join(SERVE, spec.serve), { VERIFY_TEST_OPTIONS: JSON.stringify(options) }, { port })
            return {
              url,
              sandbox,
              runtime,
              facesignWebhookSecret: options.facesign?.webhookSecret ?? '',
              faceverifySecretKey: options.faceverify?.secretKey ?? '',
              tokens,
              outcomes,
            }
          } catch (error) {
            await sandbox.close()
            await outcomes.close()
            throw error
          }
        },
        async ({ sandbox, runtime, outcomes }) => {
          await runtime.stop()
          await sandbox.close()
          await outcomes.close()
        },
      )
      describeBackendSuite(backend)
    })

    if (!spec.postgres) return
    describe('PostgreSQL store contract', () => {
      const results = lazy(
        async () => new Map((await runContractIn(spec, testDatabaseUrl())).map((r: TestResult) => [r.name, r])),
        async () => {},
      )
      for (const test of spec.flavour === 'worker' ? [...contractNames, KEPT_STORE_TEST] : contractNames) {
        it(test, () => {
          const result = results().get(test)
          expect(result, `${test} did not run in ${spec.title}`).toBeDefined()
          if (!result?.ok) throw new Error(result?.error)
        })
      }
    })
  })
}

/** The store contract's test names (one vitest test each per runtime). */
export const loadContractNames = contractTestNames
