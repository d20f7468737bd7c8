import type { ServerResponse } from 'node:http'
import { sendError } from './http'
import type { SandboxFault, SandboxProvider } from './types'

/** Queued failures for the next API calls of each provider. */
export class Faults {
  private readonly queue: Record<SandboxProvider, SandboxFault[]> = { facesign: [], faceverify: [] }
  /** Requests held open to emulate a timeout; released on close. */
  readonly held = new Set<ServerResponse>()

  add(provider: SandboxProvider, fault: SandboxFault, times: number): void {
    for (let i = 0; i < times; i++) this.queue[provider].push(fault)
  }

  /** Answers with the next queued fault; true when it did. */
  apply(provider: SandboxProvider, res: ServerResponse): boolean {
    const fault = this.queue[provider].shift()
    if (fault === undefined) return false
    if (fault === 'timeout') {
      this.held.add(res)
      res.once('close', () => this.held.delete(res))
    } else if (fault === 401) sendError(res, 401, 'authentication_error', 'Invalid API key provided.')
    else if (fault === 429) {
      sendError(res, 429, 'rate_limit_error', 'Too many requests. Please retry after 60 seconds.', { 'Retry-After': '60' })
    } else sendError(res, 500, 'api_error', 'Something went wrong on our end.')
    return true
  }

  releaseAll(): void {
    for (const res of this.held) res.destroy()
    this.held.clear()
  }
}
