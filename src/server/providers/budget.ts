import { ProviderError } from '../errors'
import { storeKeys } from '../keys'
import type { SessionStore } from '../types'
import { randomToken, sha256Hex } from '../util/crypto'
import type { CallTier, ProviderBudget } from './types'

/**
 * The part of a key's per-minute budget each tier may use on its own. The capped tiers add up to
 * 90 %: a flood of refreshes cannot take the creates' share, reads cannot take either, and
 * whatever they do, webhook reads (capped only by the whole budget) always have 10 % left.
 */
export const TIER_SHARE: Readonly<Record<Exclude<CallTier, 'webhook'>, number>> = { background: 0.35, create: 0.45, refresh: 0.1 }
const WINDOW_MS = 60_000

export interface ProviderBudgetOptions {
  /** The provider's documented limit for this key, default the adapter's (100/min test, 1000/min live). */
  limitPerMinute?: number
  /** The part of that limit we allow ourselves, default 0.8 (room for clocks and other tools on the key). */
  share?: number
}

/** The calls a key may make per minute: `share` of the documented limit. */
export function budgetPerMinute(documented: number, options: ProviderBudgetOptions = {}): number {
  return Math.max(1, Math.floor((options.limitPerMinute ?? documented) * (options.share ?? 0.8)))
}

/** What `tier` may spend per minute of a `perMinute` budget. */
export const tierLimit = (perMinute: number, tier: CallTier) =>
  tier === 'webhook' ? perMinute : Math.max(1, Math.floor(perMinute * TIER_SHARE[tier]))

/**
 * A provider-call budget per API key, kept in the store so that every route, session and backend
 * instance spends from the same window. The store knows the key only as a hash. Calls that reached
 * the provider stay counted (the provider counted them too).
 */
export function createProviderBudget(
  store: SessionStore,
  apiKey: string,
  perMinute: number,
  afterCall?: (tier: CallTier, ok: boolean, refused: boolean) => void,
): ProviderBudget {
  let keyHash: Promise<string> | undefined
  const hashOfKey = () => {
    keyHash ??= sha256Hex(apiKey).then((hex) => hex.slice(0, 32))
    return keyHash
  }
  let spent = 0
  return {
    perMinute,
    get spent() {
      return spent
    },
    afterCall: (tier, ok) => afterCall?.(tier, ok, false),
    async remaining() {
      return Math.max(0, perMinute - (await store.countSlots(storeKeys.budget(await hashOfKey()))))
    },
    async beforeCall(tier) {
      const hash = await hashOfKey()
      const claims = [{ key: storeKeys.budget(hash), limit: perMinute, ttlMs: WINDOW_MS }]
      if (tier !== 'webhook') claims.push({ key: storeKeys.budgetTier(hash, tier), limit: tierLimit(perMinute, tier), ttlMs: WINDOW_MS })
      const { allowed, retryAfterMs } = await store.acquire(claims, `call:${randomToken(12)}`)
      if (!allowed) {
        afterCall?.(tier, false, true)
        throw new ProviderError('rate_limit_error', 'The provider-call budget for this minute is spent.', undefined, {
          code: 'budget_exhausted',
          retryAfterMs,
        })
      }
      spent++
    },
  }
}

/** Our own budget said no (no call was made): not the provider's 429, so it never closes the provider gate. */
export const isBudgetRefusal = (error: unknown) => error instanceof ProviderError && error.options.code === 'budget_exhausted'
