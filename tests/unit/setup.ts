import '@testing-library/jest-dom/vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// jsdom has <dialog> but not its modal API: enough of it for the widget's dialog to open, close
// and raise `cancel` on Escape like a browser does.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
    this.addEventListener('keydown', onDialogKeydown)
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.removeEventListener('keydown', onDialogKeydown)
    // Browsers queue the close event as a task, after the code that closed the dialog.
    setTimeout(() => this.dispatchEvent(new Event('close')))
  }
}

function onDialogKeydown(this: HTMLDialogElement, event: KeyboardEvent) {
  if (event.key !== 'Escape') return
  const cancel = new Event('cancel', { cancelable: true })
  if (this.dispatchEvent(cancel)) this.close()
}

// The widget's stylesheet, as an app loads it (jsdom cascades it into getComputedStyle).
if (typeof document !== 'undefined') {
  const style = document.createElement('style')
  style.dataset.verifyWidget = 'styles'
  // styles.css is @imports, which jsdom does not follow: the parts, in its order.
  style.textContent = ['button', 'parts', 'device']
    .map((part) => readFileSync(join(import.meta.dirname, `../../src/ui/css/${part}.css`), 'utf8'))
    .join('\n')
  document.head.append(style)
}

// The widget loads its dialog, flow and status code on intent (hover, focus, pointerdown). In a browser
// that chunk is cached after the first load; here the first import of a module transforms it on
// the spot, which no fake-timer flush waits for. Loading it once up front gives every test the
// browser's case (the chunk arrives within a few microtasks); tests/e2e covers the loading itself.
if (typeof document !== 'undefined') await import('../../src/ui/controller')

afterEach(() => {
  cleanup()
  // Node-environment files (server rendering) have no storage.
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
})

// jsdom has no camera API: the page's device is one with a camera the site may use (the fake camera of
// the browser tests), so the camera check lets a start through. Tests of the check give their own.
if (typeof navigator !== 'undefined' && !navigator.mediaDevices) {
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true })
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { enumerateDevices: async () => [{ kind: 'videoinput', deviceId: '', groupId: '', label: '' }] },
  })
  Object.defineProperty(navigator, 'permissions', { configurable: true, value: { query: async () => ({ state: 'granted' }) } })
}
