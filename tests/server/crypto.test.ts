import { createHash, createHmac, getRandomValues } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fromHex as coreFromHex, type HashBackend, hashing, nodeCryptoBackend, toHex, webCrypto } from '../../src/server/util/crypto'

const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'))
const node = nodeCryptoBackend(await import('node:crypto'))

// RFC 4231, test cases 1, 2 and 6 (a key longer than the block size).
const VECTORS = [
  {
    key: fromHex('0b'.repeat(20)),
    data: 'Hi There',
    mac: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  },
  { key: 'Jefe', data: 'what do ya want for nothing?', mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843' },
  {
    key: fromHex('aa'.repeat(131)),
    data: 'Test Using Larger Than Block-Size Key - Hash Key First',
    mac: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  },
]

describe.each([
  ['node:crypto', node],
  ['Web Crypto', webCrypto],
] as [string, HashBackend][])('hashing with %s', (_name, backend) => {
  it('gives the RFC 4231 HMAC-SHA256 values and verifies them', async () => {
    for (const { key, data, mac } of VECTORS) {
      expect(toHex(await backend.hmac(key, data))).toBe(mac)
      expect(await backend.verifyHmac(key, data, fromHex(mac))).toBe(true)
    }
  })

  it('refuses a MAC with one bit flipped, a truncated or a longer one, and another key’s', async () => {
    const { key, data, mac } = VECTORS[1]!
    const flipped = fromHex(mac)
    flipped[31]! ^= 1
    expect(await backend.verifyHmac(key, data, flipped)).toBe(false)
    expect(await backend.verifyHmac(key, data, fromHex(mac).slice(0, 31))).toBe(false)
    expect(await backend.verifyHmac(key, data, fromHex(`${mac}00`))).toBe(false)
    expect(await backend.verifyHmac(key, data, new Uint8Array(0))).toBe(false)
    expect(await backend.verifyHmac('jefe', data, fromHex(mac))).toBe(false)
  })

  it('agrees with node:crypto on random keys and bodies, text and bytes, and on SHA-256', async () => {
    for (let i = 0; i < 50; i++) {
      const key = getRandomValues(new Uint8Array(1 + i * 3))
      const body = getRandomValues(new Uint8Array(i * 37))
      const text = `{"id":"evt_${i}","note":"é ✓ ${'x'.repeat(i)}"}`
      expect(toHex(await backend.hmac(key, body))).toBe(createHmac('sha256', key).update(body).digest('hex'))
      expect(toHex(await backend.hmac(`sk_test_${i}`, text))).toBe(createHmac('sha256', `sk_test_${i}`).update(text).digest('hex'))
      expect(toHex(await backend.sha256(text))).toBe(createHash('sha256').update(text).digest('hex'))
    }
  })
})

it('on Node the core hashes with node:crypto, found at run time (the core imports no Node module)', () => {
  expect(hashing.name).toBe('node:crypto')
})

it('reads hex in either case and nothing else', () => {
  expect(toHex(coreFromHex('00ff10aBcDeF9a')!)).toBe('00ff10abcdef9a')
  expect(coreFromHex('')).toEqual(new Uint8Array(0))
  for (const bad of ['0', 'abc', '0g', 'g0', 'zz', '0x12', ' 12', '12 ', '1:', '@1', '`1', '/0', 'ÿÿ', '１２'])
    expect(coreFromHex(bad), bad).toBeUndefined()
})
