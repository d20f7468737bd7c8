import { isModuleMissing, missingDriver } from './lazy'

/**
 * The slice of node-postgres (`pg`) the PostgreSQL store uses. Structural, so that the published
 * types need no `@types/pg` and an integrator's own `pg.Pool` fits as it is.
 */
export interface PostgresQueryResult {
  rows: Record<string, unknown>[]
  rowCount: number | null
}

export interface PostgresClientLike {
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>
}

export interface PostgresPoolClientLike extends PostgresClientLike {
  /** `release(true)` (or an error) destroys the connection instead of returning it to the pool. */
  release(destroy?: boolean | Error): void
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'end', listener: () => void): unknown
}

export interface PostgresPoolLike extends PostgresClientLike {
  connect(): Promise<PostgresPoolClientLike>
  end(): Promise<void>
  on(event: 'error', listener: (error: Error) => void): unknown
}

interface PgModule {
  Pool: new (config: Record<string, unknown>) => PostgresPoolLike
}

/**
 * `pg` is an optional peer dependency: loaded the first time a PostgreSQL store opens, so an app
 * that never uses one needs no driver installed.
 */
export async function loadPg(): Promise<PgModule> {
  try {
    const mod = (await import('pg')) as unknown as { default?: PgModule } & PgModule
    return mod.default ?? mod
  } catch (error) {
    if (isModuleMissing(error, 'pg')) throw missingDriver('pg', 'createPostgresStore', error)
    throw error
  }
}
