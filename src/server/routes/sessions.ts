import { badRequest } from '../errors'
import { toSnapshot, toVerificationSession } from '../service/views'
import { isCountryCode } from '../util/countries'
import { json, readJsonObject } from '../util/http'
import type { RouteContext } from './context'

function parseCreateBody(body: Record<string, unknown>): { provider: string; country?: string } {
  if (typeof body.provider !== 'string' || body.provider === '') throw badRequest('invalid_provider', 'provider is required.')
  if (body.country === undefined) return { provider: body.provider }
  if (!isCountryCode(body.country)) throw badRequest('invalid_country', 'country must be an ISO 3166-1 alpha-2 code such as "US".')
  return { provider: body.provider, country: body.country }
}

export async function createSession({ request, user, service, options, address }: RouteContext): Promise<Response> {
  const { provider, country } = parseCreateBody(await readJsonObject(request, options.maxBodyBytes))
  const { session, created } = await service.create(user, provider, country, address)
  return json(toVerificationSession(session), created ? 201 : 200)
}

export async function getSession({ session, service }: RouteContext): Promise<Response> {
  return json(toSnapshot(await service.sync(session)))
}

export async function refreshSecret({ user, session, service, address }: RouteContext): Promise<Response> {
  return json(await service.renewSecret(user, session, address))
}

export async function cancelSession({ session, service }: RouteContext): Promise<Response> {
  return json(toSnapshot((await service.cancel(session)) ?? session))
}
