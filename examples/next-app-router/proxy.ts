import { type NextRequest, NextResponse } from 'next/server'
import { verify } from './lib/verify'

/** Gives each browser its demo user cookie on the first page load. */
export async function proxy(request: NextRequest) {
  const setCookie = await (await verify()).ensureCookie(request.headers.get('cookie') ?? undefined)
  const response = NextResponse.next()
  if (setCookie) response.headers.append('Set-Cookie', setCookie)
  return response
}

export const config = { matcher: '/' }
