const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

export interface FlowPageInput {
  provider: 'facesign' | 'faceverify'
  /** `active` shows the camera and the buttons; the others explain why not. */
  state: 'active' | 'expired' | 'finished' | 'invalid'
  eventUrl: string
  secret?: string
  redirect?: string
}

const TITLES = { facesign: 'FaceSign verification (sandbox)', faceverify: 'FaceVerify verification (sandbox)' }

const NOTICES: Record<Exclude<FlowPageInput['state'], 'active'>, string> = {
  expired: 'This verification link has expired. Go back and start again.',
  finished: 'This verification is already finished. You can close this page.',
  invalid: 'This verification link is not valid.',
}

/** A hosted flow page. No inline script or style: the CSP allows only the sandbox's own files. */
export function flowPage(input: FlowPageInput): string {
  const title = TITLES[input.provider]
  const data = [
    `data-provider="${input.provider}"`,
    `data-state="${input.state}"`,
    `data-event-url="${escapeHtml(input.eventUrl)}"`,
    input.secret ? `data-secret="${escapeHtml(input.secret)}"` : '',
    input.redirect ? `data-redirect="${escapeHtml(input.redirect)}"` : '',
  ].join(' ')
  const body =
    input.state === 'active'
      ? `<section aria-labelledby="camera-heading">
      <h2 id="camera-heading">Camera</h2>
      <p id="camera-message" role="status">Starting the camera…</p>
      <video id="preview" aria-label="Camera preview" autoplay muted playsinline hidden></video>
    </section>
    <section aria-labelledby="result-heading">
      <h2 id="result-heading">Choose the outcome</h2>
      <p>This is the test sandbox: no face is checked. Pick what the provider should report.</p>
      <div class="actions">
        <button type="button" data-outcome="pass">Pass</button>
        <button type="button" data-outcome="fail">Fail</button>
        <button type="button" data-outcome="cancel" class="secondary">Cancel</button>
      </div>
    </section>`
      : `<p class="notice">${NOTICES[input.state]}</p>`
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="stylesheet" href="/sandbox/flow.css">
  <script src="/sandbox/flow.js" defer></script>
</head>
<body>
  <main id="flow" aria-label="${title}" ${data}>
    <h1>${title}</h1>
    ${body}
    <p id="status" role="status" aria-live="polite"></p>
  </main>
</body>
</html>`
}
