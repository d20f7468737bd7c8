/** What the browser answers the widget's camera check (src/ui/camera.ts) in a story. */
export type MockCamera = 'ok' | 'no_camera' | 'denied'

/**
 * The browser's side of the camera check, made to answer the same on any machine: the video inputs
 * `enumerateDevices` lists and the `camera` permission `permissions.query` gives. The widget runs its
 * real check against them (no option of the widget is bent for it), as MSW stands in for the network.
 * Own properties over the browser's methods, removed by the returned cleanup (a story's `beforeEach`).
 */
export function mockCamera(camera: MockCamera): () => void {
  const devices = navigator.mediaDevices
  const permissions = navigator.permissions
  const inputs: MediaDeviceInfo[] =
    camera === 'no_camera'
      ? []
      : [{ kind: 'videoinput', deviceId: '', groupId: '', label: '', toJSON: () => ({}) } as unknown as MediaDeviceInfo]
  const state: PermissionState = camera === 'denied' ? 'denied' : 'prompt'
  Object.defineProperty(devices, 'enumerateDevices', { configurable: true, value: async () => inputs })
  Object.defineProperty(permissions, 'query', {
    configurable: true,
    value: async (descriptor: PermissionDescriptor) => {
      if (descriptor.name !== 'camera') throw new TypeError(`The story answers the camera permission only, not ${descriptor.name}.`)
      return { name: 'camera', state, onchange: null } as unknown as PermissionStatus
    },
  })
  return () => {
    Reflect.deleteProperty(devices, 'enumerateDevices')
    Reflect.deleteProperty(permissions, 'query')
  }
}
