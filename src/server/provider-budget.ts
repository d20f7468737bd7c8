import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash } from 'node:crypto'
import { ProviderError } from './errors'
import type { SessionStore } from './types'

/**
 * Who a provider call is for, most important last. Each tier may use the shared per-minute budget
 * only up to its share, so status reads can never crowd out a person's create, and neither can
 * take the last calls a webhook needs to read a status it was told about.
 */
export type CallPriority = 'background' | 'user' | 'webhook'

const TIER_SHARE: Record<CallPriority, number> = { background: 0.6, user: 0.9, webhook: 1 }
const WINDOW_MS = 60_000

const priority = new AsyncLocalStorage<CallPriority>()

/** Runs `work` with its provider calls counted at `tier` (calls outside any tier count as `user`). */
export function withPriority<T>(tier: CallPriority, work: () => Promise<T>): Promise<T> {
  return priority.run(tier, work)
}

export interface ProviderBudgetOptions {
  /** The provider's documented limit for this key; default 1000 for `sk_live_` keys, else 100. */
  limitPerMinute?: number
  /** The part of that limit we allow ourselves, default 0.8 (room for clocks and other tools on the key). */
  share?: number
}

/** The calls a key may make per minute: `share` of the documented limit. */
export function budgetPerMinute(apiKey: string, options: ProviderBudgetOptions = {}): number {
  const documented = options.limitPerMinute ?? (apiKey.startsWith('sk_live_') ? 1000 : 100)
  return Math.max(1, Math.floor(documented * (options.share ?? 0.8)))
}

/**
 * A provider-call budget per API key, kept in the store so that every route, session and backend
 * instance spends from the same window. The key is known to the store only as a hash.
 * Returns the hook the provider clients call before each attempt (retries included).
 */
export function createProviderBudget(store: SessionStore, apiKey: string, options: ProviderBudgetOptions = {}) {
  const perMinute = budgetPerMinute(apiKey, options)
  const key = `budget:${createHash('sha256').update(apiKey).digest('hex').slice(0, 32)}`
  let spent = 0
  return {
    perMinute,
    /** Calls let through so far by this process (benchmarks, tests). */
    get spent() {
      return spent
    },
    async beforeCall(): Promise<void> {
      const tier = priority.getStore() ?? 'user'
      const limit = Math.max(1, Math.floor(perMinute * TIER_SHARE[tier]))
      const { allowed, retryAfterMs } = await store.hit(key, limit, WINDOW_MS)
      if (!allowed) {
        throw new ProviderError('rate_limit_error', 'The provider-call budget for this minute is spent.', undefined, {
          code: 'budget_exhausted',
          retryAfterMs,
        })
      }
      spent++
    },
  }
}

export type ProviderBudget = ReturnType<typeof createProviderBudget>

/** Our own budget said no (no call was made): not the provider's 429, so it never closes the provider gate. */
export const isBudgetRefusal = (error: unknown) => error instanceof ProviderError && error.options.code === 'budget_exhausted'
