import { basename, join } from 'node:path'
import type { Page } from '@playwright/test'
import { build, type Plugin } from 'esbuild'
import { LIB_DIST, ROOT } from './paths'

export interface BenchPageAssets {
  /** Every output file by name: `page.js`, `page.css` and the chunks the page loads on demand. */
  files: Map<string, Uint8Array>
}

/**
 * The page imports the widget's sources (for its types); it is bundled with the package as built
 * (bench/.tmp/dist, by buildForBench), as an app gets it from npm: the sources use Vite's
 * `import.meta.glob`, which the package's build turns into plain imports.
 */
const packageBuild: Plugin = {
  name: 'verify-widget-package',
  setup(b) {
    b.onResolve({ filter: /\/src\/react$/ }, () => ({ path: join(LIB_DIST, 'index.js') }))
    b.onResolve({ filter: /\/src\/react\/styles\.css$/ }, () => ({ path: join(LIB_DIST, 'style.css') }))
  },
}

/**
 * The bench page (scripts/bench/page/main.tsx) bundled for production, React included, split as an
 * app's bundler splits it: what loads on intent (the dialog, flow, status tracking) and other
 * languages are chunks of their own, fetched when the page asks for them.
 */
export async function buildBenchPage(): Promise<BenchPageAssets> {
  const result = await build({
    entryPoints: { page: join(ROOT, 'scripts/bench/page/main.tsx') },
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    jsx: 'automatic',
    outdir: join(ROOT, 'bench/.tmp/page'),
    chunkNames: 'chunk-[hash]',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins: [packageBuild],
  })
  return { files: new Map(result.outputFiles.map((f) => [basename(f.path), f.contents])) }
}

function html(sandboxHost: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>verify-widget bench</title>
    <meta name="verify-widget:endpoint" content="/api/verify">
    <meta name="verify-widget:allowed-hosts" content="${sandboxHost}">
    <link rel="stylesheet" href="/__bench/page.css">
    <script type="module" src="/__bench/page.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`
}

/**
 * Opens the bench page at the app's origin (so the backend sees a same-origin page with its
 * cookie) without adding it to the app: its files are answered by the browser's request
 * interception, which stays on so that the chunks the page loads on intent can arrive. Call
 * `stopServingBenchPage` before anything is measured (interception slows every request down).
 */
export async function openBenchPage(page: Page, appUrl: string, sandboxHost: string, assets: BenchPageAssets, query = ''): Promise<void> {
  await page.route(`${appUrl}/__bench/**`, (route) => {
    const name = basename(new URL(route.request().url()).pathname)
    const file = assets.files.get(name)
    if (!file) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(sandboxHost) })
    return route.fulfill({ contentType: name.endsWith('.css') ? 'text/css' : 'text/javascript', body: Buffer.from(file) })
  })
  await page.goto(`${appUrl}/__bench/${query}`)
  await page.locator('button.vw-button').waitFor()
}

/** Ends the interception of the page's files (once the chunks it needs have arrived). */
export async function stopServingBenchPage(page: Page): Promise<void> {
  await page.unrouteAll({ behavior: 'wait' })
}
