export { startSandbox } from './server'
export type * from './types'
