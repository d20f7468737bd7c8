/**
 * The slice of vitest's API the store contract uses, for runtimes vitest cannot run in (Bun, Deno,
 * workerd): the contract bundles with `vitest` pointed here. Matchers are vitest's own
 * (@vitest/expect on chai, as vitest builds its `expect`); tests run one after another with their
 * hooks, and `runCollected` answers one result per test, named by its describe path.
 */
import { JestAsymmetricMatchers, JestChaiExpect, JestExtend } from '@vitest/expect'
import * as chai from 'chai'
import type { ExpectStatic } from 'vitest'

chai.use(JestExtend)
chai.use(JestChaiExpect)
chai.use(JestAsymmetricMatchers)

export const expect = chai.expect as unknown as ExpectStatic

type Hook = () => unknown
interface Suite {
  name: string
  beforeAll: Hook[]
  afterAll: Hook[]
  beforeEach: Hook[]
  afterEach: Hook[]
  children: (Suite | Test)[]
}
interface Test {
  name: string
  fn: Hook
}

export interface TestResult {
  name: string
  ok: boolean
  error?: string
}

const newSuite = (name: string): Suite => ({ name, beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], children: [] })
let root = newSuite('')
let current = root

export function describe(name: string, fn: () => void): void {
  const parent = current
  const suite = newSuite(name)
  parent.children.push(suite)
  current = suite
  try {
    fn()
  } finally {
    current = parent
  }
}

export const it = (name: string, fn: Hook): void => void current.children.push({ name, fn })
export const test = it
export const beforeAll = (fn: Hook): void => void current.beforeAll.push(fn)
export const afterAll = (fn: Hook): void => void current.afterAll.push(fn)
export const beforeEach = (fn: Hook): void => void current.beforeEach.push(fn)
export const afterEach = (fn: Hook): void => void current.afterEach.push(fn)

const isSuite = (node: Suite | Test): node is Suite => 'children' in node
const path = (prefix: string, name: string) => (prefix ? `${prefix} > ${name}` : name)
const message = (error: unknown) => (error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error))

/** The names of the tests registered so far, in order. */
export function collectedNames(suite: Suite = root, prefix = ''): string[] {
  return suite.children.flatMap((node) => (isSuite(node) ? collectedNames(node, path(prefix, node.name)) : [path(prefix, node.name)]))
}

async function runSuite(suite: Suite, prefix: string, eachBefore: Hook[], eachAfter: Hook[], results: TestResult[]) {
  const before = [...eachBefore, ...suite.beforeEach]
  const after = [...suite.afterEach, ...eachAfter]
  for (const hook of suite.beforeAll) await hook()
  try {
    for (const node of suite.children) {
      if (isSuite(node)) {
        await runSuite(node, path(prefix, node.name), before, after, results)
        continue
      }
      const name = path(prefix, node.name)
      let error: unknown
      try {
        for (const hook of before) await hook()
        await node.fn()
      } catch (thrown) {
        error = thrown
      }
      // afterEach runs whatever the test did (it closes what the test opened).
      for (const hook of after) {
        try {
          await hook()
        } catch (thrown) {
          error ??= thrown
        }
      }
      results.push(error === undefined ? { name, ok: true } : { name, ok: false, error: message(error) })
    }
  } finally {
    for (const hook of suite.afterAll) await hook()
  }
}

/** Forgets every registered test; returns what was registered. */
export function resetCollected(): Suite {
  const suite = root
  root = newSuite('')
  current = root
  return suite
}

/** Runs every registered test once, then forgets them. */
export async function runCollected(): Promise<TestResult[]> {
  const results: TestResult[] = []
  await runSuite(resetCollected(), '', [], [], results)
  return results
}
