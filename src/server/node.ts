// verify-widget/server/node: what only Node has. The handler itself is verify-widget/server.
export type { GuardedListener, GuardOptions, RequestTarget, ServerGuardOptions } from './node/guard'
export { guardListener, guardServer } from './node/guard'
export type { NodeListenerOptions } from './node/listener'
export { toNodeListener } from './node/listener'
export type { SqliteStoreOptions } from './node/sqlite'
export { createSqliteStore } from './node/sqlite'
