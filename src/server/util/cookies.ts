/** Every value of cookie `name` in a Cookie header (more than one: someone planted a second). */
export function cookieValues(header: string | null | undefined, name: string): string[] {
  const values: string[] = []
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) values.push(part.slice(at + 1).trim())
  }
  return values
}

/** A cookie for this backend only: HttpOnly, SameSite=Lax, and over HTTPS `__Host-` and `Secure` (no subdomain can set it). */
export function cookieName(name: string, https: boolean): string {
  return https ? `__Host-${name}` : name
}

export function setCookie(name: string, value: string, https: boolean, maxAgeSeconds: number): string {
  const attributes = [`${cookieName(name, https)}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.floor(maxAgeSeconds)}`]
  if (https) attributes.push('Secure')
  return attributes.join('; ')
}
