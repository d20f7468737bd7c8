import { HttpError } from '../errors'
import { json, readText } from '../util/http'
import type { RouteContext } from './context'

/** `POST /webhooks/:provider`: the provider's adapter verifies and parses; the service records and applies. */
export async function receiveWebhook({ request, params, facts, service, options }: RouteContext): Promise<Response> {
  if (facts.bodyParsedBefore) {
    // Signatures cover the exact bytes sent; a parsed-then-serialised body rarely matches them.
    const error = new HttpError(
      500,
      'api_error',
      'body_already_parsed',
      'A body parser (express.json()?) read this webhook before verify-widget: mount the verify-widget handler before it.',
    )
    options.report(error)
    throw error
  }
  const raw = await readText(request, options.maxBodyBytes)
  const { duplicate } = await service.receiveWebhook(params.provider ?? '', raw, request.headers)
  return json(duplicate ? { received: true, duplicate: true } : { received: true })
}
