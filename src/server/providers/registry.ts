import { type FaceSignOptions, faceSign } from './facesign'
import { type FaceVerifyOptions, faceVerify } from './faceverify'
import type { AdapterDeps, ProviderAdapter } from './types'

/** The providers this package ships, each configured by the handler option of its name. */
export interface ProviderOptions {
  /** FaceSign keys and settings (`FACESIGN_API_KEY`, `FACESIGN_WEBHOOK_SECRET`). */
  facesign?: FaceSignOptions
  /** FaceVerify keys and settings (`FACEVERIFY_API_KEY`, `FACEVERIFY_SECRET_KEY`). */
  faceverify?: FaceVerifyOptions
}

/** Registration: one line per shipped provider. */
const SHIPPED = { facesign: faceSign, faceverify: faceVerify } as const

/** A provider of the integrator's own: its adapter, built with the handler's budget. */
export type ProviderFactory = (deps: AdapterDeps) => ProviderAdapter

/**
 * The adapters for the providers configured in `options`, and for `custom` ones, by name. Throws at
 * startup for a custom provider whose adapter answers to another name or takes a shipped one's.
 */
export function createAdapters(
  options: ProviderOptions,
  custom: Readonly<Record<string, ProviderFactory>>,
  depsFor: (name: string) => AdapterDeps,
): ReadonlyMap<string, ProviderAdapter> {
  const adapters = new Map<string, ProviderAdapter>()
  for (const [name, definition] of Object.entries(SHIPPED)) {
    const given = options[name as keyof ProviderOptions]
    if (given) adapters.set(name, (definition.create as (o: typeof given, d: AdapterDeps) => ProviderAdapter)(given, depsFor(name)))
  }
  for (const [name, factory] of Object.entries(custom)) {
    if (Object.hasOwn(SHIPPED, name))
      throw new TypeError(`providers.${name}: "${name}" is a provider this package ships; configure it with the ${name} option.`)
    const adapter = factory(depsFor(name))
    if (adapter.name !== name)
      throw new TypeError(`providers.${name}: the adapter calls itself "${adapter.name}"; register it under that name.`)
    adapters.set(name, adapter)
  }
  return adapters
}

/** Names of every provider this package knows, configured or not (for a clearer 400). */
export const shippedProviders: readonly string[] = Object.keys(SHIPPED)
