/**
 * Every key the backend writes into the store's counters and leases, in one place: one spelling per
 * fact, so that two routes can never count the same thing under two names (or two things under one).
 */
export const storeKeys = {
  /** The provider-call budget of one API key (by hash), all tiers together. */
  budget: (keyHash: string) => `budget:${keyHash}`,
  budgetTier: (keyHash: string, tier: string) => `budget:${keyHash}:${tier}`,
  createUser: (userId: string) => `limit:create:user:${userId}`,
  createAddress: (address: string) => `limit:create:addr:${address}`,
  createAnonymous: 'limit:create:anonymous',
  createAll: 'limit:create:all',
  refreshSession: (sessionId: string) => `limit:refresh:session:${sessionId}`,
  refreshUser: (userId: string) => `limit:refresh:user:${userId}`,
  refreshAddress: (address: string) => `limit:refresh:addr:${address}`,
  streamUser: (userId: string) => `streams:user:${userId}`,
  streamAddress: (address: string) => `streams:addr:${address}`,
  streamAll: 'streams:all',
  handoffUser: (userId: string) => `limit:handoff:user:${userId}`,
  handoffSession: (sessionId: string) => `limit:handoff:session:${sessionId}`,
  claimAddress: (address: string) => `limit:claim:addr:${address}`,
  /** One request starts a session that was waiting for its device, across instances. */
  startLease: (sessionId: string) => `start:${sessionId}`,
  /** One provider read per session per interval, across instances. */
  readLease: (sessionId: string) => `read:${sessionId}`,
  /** One pruning pass at a time across instances. */
  pruneLease: 'prune',
} as const
