import type { AdapterDeps, CallTier, ProviderBudget } from '../../../src/server'

/** Adapter dependencies with a budget that lets every call through and remembers each one's tier. */
export function openDeps(): AdapterDeps & { tiers: CallTier[] } {
  const tiers: CallTier[] = []
  const budget: ProviderBudget = {
    perMinute: 1000,
    get spent() {
      return tiers.length
    },
    beforeCall: async (tier) => {
      tiers.push(tier)
    },
  }
  return { tiers, budget: () => budget }
}
