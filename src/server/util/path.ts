/**
 * Request-target rules shared by the handler (any runtime) and the node:http guard: routing only
 * ever sees canonical paths, so no `//`, dot-segment or `%2F` spelling reaches a route under another name.
 */

const HOST = /^(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\d{1,5}))?$/

/** A Host (or X-Forwarded-Host) value that names a host and nothing else. */
export function isValidHost(value: string): boolean {
  const match = HOST.exec(value)
  return match !== null && (match[1] === undefined || Number(match[1]) <= 65_535)
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** Why a path is not canonical, or undefined when it is. */
export function pathProblem(path: string): string | undefined {
  // Anything but origin-form (`/…`): absolute-form (`http://host/…`), `*`, or a bare word.
  if (!path.startsWith('/')) return 'The request target must be a path starting with "/".'
  if (/[^\x21-\x7e]/.test(path)) return 'The request target contains characters that are not allowed.'
  if (path.includes('//')) return 'The request path must not contain empty segments ("//").'
  for (const segment of path.split('/').slice(1)) {
    const decoded = decodeSegment(segment)
    if (decoded === undefined) return 'The request path has malformed percent-encoding.'
    if (decoded === '.' || decoded === '..') return 'The request path must not contain "." or ".." segments.'
    if (/[/\\\0]/.test(decoded)) return 'The request path must not encode "/", "\\" or NUL.'
  }
  return undefined
}
