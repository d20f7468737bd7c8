// The element's events are UI signals: the members area opens only when this app's server says so,
// which it does once the outcome webhook reached it (that may land a moment after the browser heard).
const members = document.querySelector('[data-testid="members"]')
const verified = document.querySelector('[data-testid="verified"]')

async function askServer() {
  for (let wait = 250; wait <= 8000; wait *= 2) {
    const response = await fetch('/api/members', { headers: { accept: 'application/json' } })
    if (response.ok) {
      members.textContent = (await response.json()).message
      return
    }
    if (response.status !== 403) break
    members.textContent = 'Confirming with the server…'
    await new Promise((resolve) => setTimeout(resolve, wait))
  }
  members.textContent = 'The server has not heard of your verification yet. Reload in a moment.'
}

document.querySelector('verify-button').addEventListener('verify-verified', () => {
  verified.hidden = false
  void askServer()
})

// Verified on an earlier visit: the server knows.
fetch('/api/members').then(async (response) => {
  if (response.ok) members.textContent = (await response.json()).message
})
