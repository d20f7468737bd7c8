// One definition of size, shared by the bench, size-limit's budgets, the tests and the docs:
// - a size is bytes after gzip at level 9 (what size-limit's `gzip: true` computes, file by file);
// - an entry's size is size-limit's figure for its check (esbuild bundle, minified, peers left out);
// - 1 kB is 1000 B, as size-limit reads a limit such as "6 kB" (bytes-iec: "KB" would also be 1000,
//   "KiB" 1024, so only `B` and `kB` are accepted, and a budget means one number everywhere).
import { gzipSync } from 'node:zlib'

export const GZIP_LEVEL = 9
export const BYTES_PER_KB = 1000

/** The hosted page's JavaScript (every file index.html loads before first use; no framework): with the camera check, the phone's claim and their views' states, which every visit needs before its first start. Measured in Arabic (its locale chunks on top), with a little room. */
export const HOSTED_PAGE_JS_LIMIT = '19 kB'

/** Bytes of `data` after gzip at GZIP_LEVEL. */
export function gzipSize(data) {
  return gzipSync(data, { level: GZIP_LEVEL }).length
}

/** Bytes a limit such as "6 kB" or "700 B" stands for; anything else throws, naming the fix. */
export function limitBytes(limit) {
  const match = /^(\d+(?:\.\d+)?) (B|kB)$/.exec(String(limit))
  if (!match) throw new Error(`size limit ${JSON.stringify(limit)}: write it as "<number> kB" (1 kB = 1000 B) or "<number> B"`)
  return Math.round(Number(match[1]) * (match[2] === 'kB' ? BYTES_PER_KB : 1))
}

/** "671 B" under 1 kB, else "5.89 kB": how every size is printed. */
export function formatSize(bytes) {
  return bytes < BYTES_PER_KB ? `${bytes} B` : `${(bytes / BYTES_PER_KB).toFixed(2)} kB`
}
