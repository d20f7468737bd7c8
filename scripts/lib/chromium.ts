import { existsSync } from 'node:fs'

/** Debian's Chromium unless told otherwise (CHROMIUM_PATH): Playwright cannot download its own browser here. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH
  if (fromEnv) return fromEnv
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
}

/**
 * Headless flags for every browser the tests and benchmarks start: no background traffic to hosts
 * the machine cannot reach, and a fake camera that getUserMedia grants without a prompt.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
]
