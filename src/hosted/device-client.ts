import { type VerificationSession, type VerifyClient, VerifyError } from '../core'
import { toVerifyError } from '../core/errors'
import { claimHandoff } from '../core/handoff'
import { withStorage } from '../core/resume'
import { DEVICE_KEY } from './config'

/**
 * The phone's client. The phone has no account here, so its "create" is the link's claim, once (the
 * first device wins), and after a reload the flow of the session the link opened: a new secret, which
 * the device's cookie allows for that one session. The token is kept only in memory, and only while a
 * retry may still succeed (a rate limit, the network).
 */
export function deviceClient(client: VerifyClient, token: string | undefined): VerifyClient {
  let pending = token
  return {
    ...client,
    async createSession(): Promise<VerificationSession> {
      if (pending) {
        try {
          const session = await claimHandoff(client, pending)
          pending = undefined
          withStorage((s) => s.setItem(DEVICE_KEY, session.sessionId))
          return session
        } catch (error) {
          if (!toVerifyError(error).retryable) pending = undefined
          throw error
        }
      }
      const id = withStorage((s) => s.getItem(DEVICE_KEY))
      if (!id) throw new VerifyError('handoff_not_found', 'This device opened no link: make a new one on the computer.', { status: 404 })
      const [snapshot, secret] = await Promise.all([client.getSession(id), client.refreshSecret(id)])
      return { ...snapshot, ...secret }
    },
  }
}
