/** Styles of the flow pages: readable contrast in light and dark, a visible focus ring. */
export const FLOW_CSS = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: #ffffff; color: #1a1a1a; }
main { max-width: 32rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
video { width: 100%; max-height: 16rem; background: #1a1a1a; border-radius: 0.5rem; }
.actions { display: flex; gap: 0.75rem; flex-wrap: wrap; }
button { font: inherit; padding: 0.6rem 1.4rem; border-radius: 0.4rem; border: 2px solid #1d4ed8; background: #1d4ed8; color: #ffffff; cursor: pointer; }
button.secondary { background: #ffffff; color: #1d4ed8; }
button:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
button:disabled { opacity: 1; background: #4b5563; border-color: #4b5563; color: #ffffff; cursor: default; }
.notice { padding: 0.75rem; border: 1px solid #4b5563; border-radius: 0.4rem; }
`

/**
 * The flow page script (served as a file, never inline). Framed FaceSign pages post FlowMessages to
 * the parent; with a return_url the sandbox allowed (redirect mode) they navigate back; FaceVerify follows the server's redirect.
 */
export const FLOW_JS = `'use strict'
;(() => {
  const main = document.getElementById('flow')
  if (!main) return
  const cfg = main.dataset
  const statusEl = document.getElementById('status')
  const cameraEl = document.getElementById('camera-message')
  const video = document.getElementById('preview')
  const buttons = Array.from(document.querySelectorAll('button[data-outcome]'))
  const framed = window.parent !== window
  let stream = null

  function safeReturnUrl(value) {
    if (!value) return null
    try {
      const url = new URL(value)
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
    } catch (e) {
      return null
    }
  }
  // Checked by the sandbox against the app origins it was configured with, never taken from the URL here.
  const returnUrl = safeReturnUrl(cfg.redirect)

  // Status only, never a secret: still aimed at the embedding origin when the referrer names it.
  function parentOrigin() {
    try { return document.referrer ? new URL(document.referrer).origin : '*' } catch (e) { return '*' }
  }
  // Framed: the embedding window; opened as a popup: the opener.
  function post(message) {
    const target = framed ? window.parent : window.opener
    if (!target || cfg.provider !== 'facesign') return
    target.postMessage(Object.assign({ source: 'facesign-flow' }, message), parentOrigin())
  }
  function say(text) { if (statusEl) statusEl.textContent = text }

  async function send(event) {
    const response = await fetch(cfg.eventUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: event, client_secret: cfg.secret || undefined }),
    })
    if (!response.ok) throw new Error('The sandbox answered ' + response.status)
    return response.json()
  }

  async function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      cameraEl.textContent = 'No camera is available in this browser. You can still choose an outcome below.'
      return
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false })
      video.srcObject = stream
      video.hidden = false
      cameraEl.textContent = 'Camera is on. Look at the camera, then choose an outcome.'
    } catch (error) {
      const reason = error && error.name === 'NotAllowedError' ? 'Camera access was denied.' : 'The camera could not be started.'
      cameraEl.textContent = reason + ' You can still choose an outcome below.'
    }
  }
  function stopCamera() {
    if (stream) stream.getTracks().forEach((t) => t.stop())
    stream = null
    if (video) { video.srcObject = null; video.hidden = true }
  }

  function leave(target) {
    if (target) setTimeout(() => location.assign(target), 300)
  }

  if (cfg.state === 'expired') { post({ type: 'expired' }); return }
  if (cfg.state === 'invalid') { post({ type: 'error', message: 'This verification link is not valid.' }); return }
  if (cfg.state !== 'active') return

  post({ type: 'ready' })
  send('started').then(() => post({ type: 'started' }), () => {})
  startCamera()

  buttons.forEach((button) => {
    button.addEventListener('click', async () => {
      const outcome = button.dataset.outcome
      buttons.forEach((b) => { b.disabled = true })
      stopCamera()
      say('Sending the result…')
      try {
        const result = await send(outcome)
        say(outcome === 'pass' ? 'Verified. You can return to the app.' : outcome === 'fail' ? 'Verification failed.' : 'Verification canceled.')
        if (outcome === 'cancel') post({ type: 'canceled' })
        else post({ type: 'completed', status: result.status })
        if (cfg.provider === 'faceverify') leave(safeReturnUrl(result.redirect))
        else if (!framed) leave(returnUrl)
      } catch (error) {
        say('Could not send the result. Try again.')
        post({ type: 'error', message: 'The verification flow failed.' })
        buttons.forEach((b) => { b.disabled = false })
      }
    })
  })
})()
`
