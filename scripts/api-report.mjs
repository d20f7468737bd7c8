#!/usr/bin/env node
// The public API of every entry point, reported by API Extractor into api/<entry>.api.md, and
// docs/reference.md checked against it.
//   npm run api                 builds the declaration files, writes the reports (commit them)
//   npm run api -- --check      fails when a report differs from the code (an API change nobody
//                               reported), when a report is left for an entry that is gone, or when
//                               docs/reference.md misses an export or documents one that is gone
//   --no-build                  uses dist/types as it is (npm test builds it in its build gate)
// Entry points are the keys of package.json `exports` that have types: a new entry is reported, and
// must be documented, without touching this script.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { documentedExports } from './lib/reference-exports.mjs'

const require = createRequire(import.meta.url)
const { CompilerState, Extractor, ExtractorConfig } = require('@microsoft/api-extractor')

const ROOT = resolve(import.meta.dirname, '..')
const REPORTS = join(ROOT, 'api')
const TEMP = join(ROOT, '.api-tmp')
const REFERENCE = join(ROOT, 'docs/reference.md')
const check = process.argv.includes('--check')
const problems = []

const packageJsonPath = join(ROOT, 'package.json')
const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8'))

/** `.` → verify-widget, `./core/store` → verify-widget/core/store, with the declaration file behind it. */
function entryPoints() {
  return Object.entries(pkg.exports ?? {})
    .filter(([, target]) => typeof target === 'object' && target !== null && typeof target.types === 'string')
    .map(([key, target]) => {
      const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`
      return { specifier, report: specifier.replaceAll('/', '-'), types: join(ROOT, target.types) }
    })
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build:types'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const entries = entryPoints()
mkdirSync(REPORTS, { recursive: true })
rmSync(TEMP, { recursive: true, force: true })

const present = entries.filter((entry) => {
  if (existsSync(entry.types)) return true
  problems.push(`${entry.specifier}: ${entry.types.slice(ROOT.length + 1)} is missing (run \`npm run build:types\`)`)
  return false
})
const configs = present.map((entry) =>
  ExtractorConfig.prepare({
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: entry.types,
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            module: 'ESNext',
            moduleResolution: 'Bundler',
            jsx: 'react-jsx',
            strict: true,
            types: ['node'],
            // The peers' own declarations (Vue's, for the element's template types) are theirs to check.
            skipLibCheck: true,
          },
          files: present.map((e) => e.types),
        },
      },
      apiReport: { enabled: true, reportFileName: entry.report, reportFolder: REPORTS, reportTempFolder: TEMP },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        compilerMessageReporting: { default: { logLevel: 'error' } },
        // Findings (an exported type's part that is not exported itself, …) go into the report, where review sees them.
        extractorMessageReporting: {
          default: { logLevel: 'warning', addToApiReportFile: true },
          // Release tags and doc comments on every member are not this package's conventions.
          'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
          'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: undefined,
    packageJson: pkg,
    packageJsonFullPath: packageJsonPath,
  }),
)
// One TypeScript program for every entry: the entries share most of their declaration files.
const compilerState = configs.length ? CompilerState.create(configs[0], { additionalEntryPoints: present.map((e) => e.types) }) : undefined
for (const [i, config] of configs.entries()) {
  const entry = present[i]
  const result = Extractor.invoke(config, {
    compilerState,
    localBuild: !check,
    showVerboseMessages: false,
    printApiReportDiff: check,
    messageCallback: (message) => {
      // "You have changed the public API…": said once below, with the command that fixes it (the diff is printed).
      const quiet = ['console-preamble', 'console-api-report-copied', 'console-api-report-not-copied']
      if (quiet.includes(message.messageId)) message.handled = true
    },
  })
  if (result.errorCount > 0) problems.push(`${entry.specifier}: API Extractor reported ${result.errorCount} error(s) (above)`)
  if (check && result.apiReportChanged)
    problems.push(`api/${entry.report}.api.md differs from the code of ${entry.specifier}: run \`npm run api\` and commit the report`)
}

// A report left for an entry that is no longer exported.
const expected = new Set(entries.map((e) => `${e.report}.api.md`))
for (const file of readdirSync(REPORTS).filter((f) => f.endsWith('.api.md') && !expected.has(f))) {
  if (check) problems.push(`api/${file} reports an entry package.json no longer exports: run \`npm run api\``)
  else rmSync(join(REPORTS, file))
}
rmSync(TEMP, { recursive: true, force: true })

/** Every name an entry exports (values and types), read from its declaration file. */
function exportsOf(types) {
  const program = ts.createProgram([types], {
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    skipLibCheck: true,
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(types)
  const symbol = source && checker.getSymbolAtLocation(source)
  return new Set(symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : [])
}

const exported = new Map(entries.filter((e) => existsSync(e.types)).map((e) => [e.specifier, exportsOf(e.types)]))
const { sections, duplicates } = documentedExports(readFileSync(REFERENCE, 'utf8'))
for (const specifier of duplicates) problems.push(`docs/reference.md: two sections for ${specifier}`)
for (const [specifier, names] of exported) {
  const section = sections.get(specifier)
  if (!section) {
    problems.push(`docs/reference.md: no section for ${specifier} (add one between <!-- exports: ${specifier} --> and <!-- /exports -->)`)
    continue
  }
  const covered = new Set(section.names)
  for (const from of section.reexports) {
    const theirs = exported.get(from)
    if (!theirs) {
      problems.push(`docs/reference.md (${specifier}): \`* from '${from}'\` names no entry of the package`)
      continue
    }
    const notHere = [...theirs].filter((n) => !names.has(n))
    if (notHere.length)
      problems.push(`docs/reference.md (${specifier}): says it re-exports ${from}, but does not export ${notHere.join(', ')}`)
    for (const n of theirs) covered.add(n)
  }
  const missing = [...names].filter((n) => !covered.has(n))
  const gone = [...section.names].filter((n) => !names.has(n))
  if (missing.length) problems.push(`docs/reference.md (${specifier}): exports not documented: ${missing.join(', ')}`)
  if (gone.length) problems.push(`docs/reference.md (${specifier}): documented but not exported: ${gone.join(', ')}`)
}
for (const specifier of sections.keys())
  if (!exported.has(specifier)) problems.push(`docs/reference.md: a section for ${specifier}, which package.json does not export`)

for (const p of problems) console.error(p)
console.log(
  problems.length
    ? `api: ${problems.length} problem(s)`
    : `api: ${entries.length} entry points ${check ? 'match api/ and docs/reference.md' : 'reported in api/'}`,
)
process.exit(problems.length ? 1 : 0)
