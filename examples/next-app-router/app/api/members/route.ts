import { verify } from '../../../lib/verify'

/** Members only: the server asks its own store whether this user is verified. */
export async function GET(request: Request): Promise<Response> {
  const { handler, identify } = await verify()
  const user = await identify(request)
  const session = user ? await handler.latestSession(user.id) : undefined
  if (session?.status !== 'verified') {
    return Response.json({ error: { type: 'authentication_error', code: 'not_verified', message: 'Verify first.' } }, { status: 403 })
  }
  return Response.json({ message: 'Welcome, verified member.' })
}
