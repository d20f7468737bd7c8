import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src/sandbox'

const KEY = 'sk_test_sandbox_state'
const dirs: string[] = []
const sandboxes: Sandbox[] = []
afterEach(async () => {
  for (const s of sandboxes.splice(0)) await s.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function sandboxWith(stateFile: string): Promise<Sandbox> {
  const sandbox = await startSandbox({ facesign: { apiKeys: [KEY] }, stateFile })
  sandboxes.push(sandbox)
  return sandbox
}

describe('the sandbox keeps its sessions in its state file', () => {
  it('a restarted sandbox still knows a session, its secret opens the flow, and the same Idempotency-Key finds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vw-sandbox-state-'))
    dirs.push(dir)
    const stateFile = join(dir, 'data', 'sandbox-sessions.json')
    const first = await sandboxWith(stateFile)
    const headers = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'idem-1' }
    const created = await (await fetch(`${first.facesignApiUrl}/sessions`, { method: 'POST', headers, body: '{}' })).json()
    await first.close()
    sandboxes.splice(0)
    expect(statSync(stateFile).mode & 0o777).toBe(0o600)

    const second = await sandboxWith(stateFile)
    const read = await fetch(`${second.facesignApiUrl}/sessions/${created.id}`, { headers: { Authorization: `Bearer ${KEY}` } })
    expect(read.status).toBe(200)
    expect((await read.json()).id).toBe(created.id)
    const flow = await fetch(`${second.facesignFlowUrl}?client_secret=${encodeURIComponent(created.clientSecret)}`)
    expect(flow.status).toBe(200)
    const again = await (await fetch(`${second.facesignApiUrl}/sessions`, { method: 'POST', headers, body: '{}' })).json()
    expect(again.id).toBe(created.id)
    // What happens to it next is kept too.
    await second.complete(created.id, 'pass')
    await second.close()
    sandboxes.splice(0)
    const third = await sandboxWith(stateFile)
    expect(third.sessions().find((s) => s.id === created.id)).toMatchObject({ status: 'complete', isVerified: true })
  })
})
