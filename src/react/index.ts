export * from '../core'
