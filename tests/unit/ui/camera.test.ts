import { afterEach, describe, expect, it, vi } from 'vitest'
import { browserFamily, type CameraEnvironment, checkCamera } from '../../../src/ui/camera'

// The camera check's decisions, on the browser APIs it reads (mediaDevices, permissions) as a test gives them.
type Kind = 'videoinput' | 'audioinput'
function device(kinds: Kind[] | Error | 'hang', permission: PermissionState | Error | 'hang' = 'prompt'): CameraEnvironment {
  const answer = <T>(value: T | Error | 'hang'): Promise<T> =>
    value === 'hang' ? new Promise(() => {}) : value instanceof Error ? Promise.reject(value) : Promise.resolve(value)
  return {
    secure: true,
    navigator: {
      mediaDevices: {
        enumerateDevices: () =>
          answer(kinds === 'hang' || kinds instanceof Error ? kinds : kinds.map((kind) => ({ kind }) as MediaDeviceInfo)),
      } as MediaDevices,
      permissions: {
        query: () => answer(permission === 'hang' || permission instanceof Error ? permission : { state: permission }),
      } as never,
    },
  }
}

afterEach(() => vi.useRealTimers())

describe('checkCamera', () => {
  it('a camera not asked for yet, or granted, lets the start go ahead', async () => {
    await expect(checkCamera(device(['audioinput', 'videoinput']))).resolves.toEqual({ result: 'ok', permission: 'prompt', videoInputs: 1 })
    await expect(checkCamera(device(['videoinput', 'videoinput'], 'granted'))).resolves.toEqual({
      result: 'ok',
      permission: 'granted',
      videoInputs: 2,
    })
  })

  it('no video input is no camera, whatever the permission says', async () => {
    await expect(checkCamera(device(['audioinput']))).resolves.toMatchObject({ result: 'no_camera', videoInputs: 0 })
    await expect(checkCamera(device([], 'denied'))).resolves.toMatchObject({ result: 'no_camera', permission: 'denied' })
  })

  it('a camera the site may not use is denied (the guidance shows, not the phone at once)', async () => {
    await expect(checkCamera(device(['videoinput'], 'denied'))).resolves.toEqual({ result: 'denied', permission: 'denied', videoInputs: 1 })
  })

  it('outside a secure context, or without mediaDevices, no frame of the page can use a camera', async () => {
    await expect(checkCamera({ ...device(['videoinput']), secure: false })).resolves.toMatchObject({ result: 'insecure' })
    await expect(checkCamera({ secure: true, navigator: {} as never })).resolves.toMatchObject({ result: 'unsupported' })
    await expect(checkCamera({ secure: true, navigator: undefined })).resolves.toMatchObject({ result: 'unsupported' })
  })

  it('an answer a browser refuses or never gives counts as unknown and does not hold the start up', async () => {
    // Firefox without the `camera` permission name throws; the device list stays the judge.
    await expect(checkCamera(device(['videoinput'], new TypeError('camera')))).resolves.toEqual({
      result: 'ok',
      permission: 'unknown',
      videoInputs: 1,
    })
    await expect(checkCamera(device(new Error('no'), 'denied'))).resolves.toEqual({
      result: 'denied',
      permission: 'denied',
      videoInputs: -1,
    })
    vi.useFakeTimers()
    const hung = checkCamera(device('hang', 'hang'), 2000)
    await vi.advanceTimersByTimeAsync(2000)
    await expect(hung).resolves.toEqual({ result: 'ok', permission: 'unknown', videoInputs: -1 })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('leaves no timer behind once both answers are in', async () => {
    vi.useFakeTimers()
    await checkCamera(device(['videoinput'], 'granted'))
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('browserFamily', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 0, 'chromium'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      0,
      'chromium',
    ],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 5, 'chromium'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 0, 'firefox'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 0, 'safari'],
    // iPadOS asks for the desktop site: a Mac with a touch screen is an iPad.
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 5, 'ios'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1',
      5,
      'ios',
    ],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148', 5, 'ios'],
    ['SomeBot/1.0', 0, 'other'],
  ])('%s (%i touch points) → %s', (ua, touch, family) => {
    expect(browserFamily(ua, touch)).toBe(family)
  })
})
