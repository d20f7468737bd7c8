import type { DeadLetter } from '../../types'
import { ConfigError, type Env, readStoreConfig } from './config'
import { describeStore, openStore } from './serve'

export interface DeadLetterCommand {
  limit?: string
  json?: boolean
  revive?: string[]
  'revive-all'?: boolean
}

const row = (d: DeadLetter) =>
  [d.deadAt, d.id, d.change.userId, `${d.change.previousStatus} → ${d.change.status}`, String(d.attempts), d.lastError].join('  ')

/**
 * `verify-widget dead-letters`: the outcomes the service gave up on, read straight from its store
 * (the operator already holds its credentials; no admin route is open to the network), and
 * `--revive` to send them again once the app's endpoint works: running instances pick them up
 * within their poll interval.
 */
export async function deadLetters(values: Env, command: DeadLetterCommand, out: (line: string) => void): Promise<number> {
  const problems: string[] = []
  const { store: config } = readStoreConfig(values, problems)
  const limit = command.limit === undefined ? 100 : Number(command.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    problems.push(`--limit must be a whole number from 1 to 1000; got "${command.limit}".`)
  if (command.revive?.length && command['revive-all']) problems.push('--revive and --revive-all: give one of them.')
  if (problems.length) throw new ConfigError(problems)
  const store = openStore(config)
  try {
    if (command.revive?.length || command['revive-all']) {
      const ids = command['revive-all'] ? (await store.deadLetters(1000)).map((d) => d.id) : command.revive!
      const revived = await store.reviveDeadLetters(ids)
      out(`${revived} dead letter(s) revived in ${describeStore(config)}; running instances send them within their poll interval.`)
      if (revived < ids.length) out(`${ids.length - revived} id(s) were not dead letters (already revived, delivered, or unknown).`)
      return 0
    }
    const list = await store.deadLetters(limit)
    if (command.json) {
      out(JSON.stringify(list, null, 2))
      return 0
    }
    const { dead } = await store.outboxStats()
    out(
      `${dead} dead letter(s) in ${describeStore(config)}${dead > list.length ? `, the ${list.length} most recent:` : list.length ? ':' : '.'}`,
    )
    if (list.length) out(['given up at', 'event id', 'user', 'change', 'attempts', 'last error'].join('  '))
    for (const d of list) out(row(d))
    return 0
  } finally {
    await store.close()
  }
}
