/**
 * What a device can do for a face check, asked before any session is created: a device that cannot
 * finish the flow never spends a provider call, and the person is offered their phone instead.
 * `ok` also covers a camera whose permission is not asked yet (the flow asks).
 */
export type CameraResult = 'ok' | 'no_camera' | 'denied' | 'insecure' | 'unsupported'
export type CameraPermission = PermissionState | 'unknown'

export interface CameraCheck {
  result: CameraResult
  /** The Permissions API's answer for `camera`; `unknown` where it gives none (older Firefox, a timeout). */
  permission: CameraPermission
  /** Video inputs the browser lists (before a grant, at most one); -1 when it could not tell. */
  videoInputs: number
}

/** What the check reads: the page's own `navigator` and `isSecureContext` unless a test gives others. */
export interface CameraEnvironment {
  secure: boolean
  navigator: Pick<Navigator, 'mediaDevices' | 'permissions'> | undefined
}

/** The family whose settings the guidance for a blocked camera describes. */
export type BrowserFamily = 'chromium' | 'firefox' | 'safari' | 'ios' | 'other'

// A browser that never answers must not hold the start up: an answer it does not give counts as unknown.
const within = <T>(work: () => Promise<T>, fallback: T, ms: number): Promise<T> =>
  new Promise<T>((resolve) => {
    const timer = setTimeout(resolve, ms, fallback)
    Promise.resolve()
      .then(work)
      .catch(() => fallback)
      .then((value) => {
        clearTimeout(timer)
        resolve(value)
      })
  })

export async function checkCamera(
  env: CameraEnvironment = { secure: globalThis.isSecureContext, navigator: globalThis.navigator },
  timeoutMs = 2000,
): Promise<CameraCheck> {
  const nav = env.navigator
  // Outside a secure context browsers hide mediaDevices: no frame of this page can use a camera either.
  if (!env.secure) return { result: 'insecure', permission: 'unknown', videoInputs: -1 }
  if (!nav?.mediaDevices?.enumerateDevices) return { result: 'unsupported', permission: 'unknown', videoInputs: -1 }
  const [permission, videoInputs] = await Promise.all([
    within<CameraPermission>(async () => (await nav.permissions.query({ name: 'camera' as PermissionName })).state, 'unknown', timeoutMs),
    within(async () => (await nav.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length, -1, timeoutMs),
  ])
  const result = videoInputs === 0 ? 'no_camera' : permission === 'denied' ? 'denied' : 'ok'
  return { result, permission, videoInputs }
}

/** Which settings to describe for a blocked camera; every browser on iOS is Safari underneath. */
export function browserFamily(userAgent: string, touchPoints = 0): BrowserFamily {
  if (/iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && touchPoints > 1)) return 'ios'
  if (/Firefox\//.test(userAgent)) return 'firefox'
  if (/Chrom(e|ium)\/|Edg\//.test(userAgent)) return 'chromium'
  return /Safari\//.test(userAgent) ? 'safari' : 'other'
}
