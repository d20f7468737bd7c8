import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { build } from 'esbuild'
import { ROOT } from './paths'

export interface BenchPageAssets {
  js: Uint8Array
  css: Uint8Array
}

/** The bench page (scripts/bench/page/main.tsx) bundled for production, React included. */
export async function buildBenchPage(): Promise<BenchPageAssets> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/bench/page/main.tsx')],
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    outdir: join(ROOT, 'bench/.tmp/page'),
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  })
  const file = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.contents ?? new Uint8Array()
  return { js: file('.js'), css: file('.css') }
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
 * cookie) without adding it to the app: the page's three files are answered by the browser's
 * request interception, which is switched off again before anything is measured.
 */
export async function openBenchPage(page: Page, appUrl: string, sandboxHost: string, assets: BenchPageAssets, query = ''): Promise<void> {
  await page.route(`${appUrl}/__bench/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    if (path.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: Buffer.from(assets.js) })
    if (path.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: Buffer.from(assets.css) })
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(sandboxHost) })
  })
  await page.goto(`${appUrl}/__bench/${query}`)
  await page.locator('button.vw-button').waitFor()
  await page.unrouteAll({ behavior: 'wait' })
}
