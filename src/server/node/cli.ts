// `verify-widget`: the backend as a service of its own (`serve`) and the operator's view of the
// outcomes it gave up on (`dead-letters`). Node only; the package's `bin`.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { maskSecrets } from '../report'
import { ConfigError, readInvocation, readServeConfig } from './cli/config'
import { deadLetters } from './cli/dead-letters'
import { startService } from './cli/serve'
import { serveHelp } from './cli/settings'

/** The version of the package this file ships in (dist/node/cli.js, or the sources when run from them). */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (!existsSync(file)) continue
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
    if (pkg.name === 'verify-widget' && pkg.version) return pkg.version
  }
  return 'unknown'
}

/** Exit codes: 0 done, 1 failed while running, 2 refused to start (a setting). */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  if (command === '--version') {
    console.log(packageVersion())
    return 0
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(serveHelp())
    return command === undefined ? 2 : 0
  }
  if (command === 'dead-letters') {
    const invocation = readInvocation(args, process.env, {
      limit: { type: 'string' },
      json: { type: 'boolean' },
      revive: { type: 'string', multiple: true },
      'revive-all': { type: 'boolean' },
    })
    if (invocation.help) {
      console.log(serveHelp())
      return 0
    }
    return deadLetters(invocation.values, invocation.rest, (line) => console.log(line))
  }
  if (command !== 'serve') {
    console.error(`verify-widget: unknown command "${command}". Commands: serve, dead-letters (verify-widget --help).`)
    return 2
  }
  const invocation = readInvocation(args, process.env)
  if (invocation.help) {
    console.log(serveHelp())
    return 0
  }
  if (invocation.positionals.length) throw new ConfigError([`Unexpected argument(s): ${invocation.positionals.join(' ')}.`])
  const config = readServeConfig(invocation.values)
  const service = await startService(config)
  console.log('Stop with Ctrl-C (SIGINT) or SIGTERM.')
  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        console.error(`${signal} again: exiting now.`)
        resolve(1)
        return
      }
      stopping = true
      console.log(`${signal}: stopping (deliveries in flight finish first)…`)
      service.close().then(
        () => {
          console.log('Stopped.')
          resolve(0)
        },
        (error: unknown) => {
          console.error(maskSecrets(`verify-widget: stopping failed: ${error instanceof Error ? error.message : String(error)}`))
          resolve(1)
        },
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message)
      console.error('Run verify-widget serve --help for every setting.')
      process.exit(2)
    }
    console.error(maskSecrets(`verify-widget: ${error instanceof Error ? error.message : String(error)}`))
    process.exit(1)
  },
)
