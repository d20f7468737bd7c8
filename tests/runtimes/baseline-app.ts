// The cold-start bench's baseline: each runtime's server with no handler behind it (every request
// a 404), so that what the handler adds (import, creation, first answer) is the difference.
export function createTestHandler(_optionsJson: string | undefined): (request: Request) => Promise<Response> {
  return async () => new Response(null, { status: 404 })
}
