import type { NextConfig } from 'next'

// NEXT_DIST_DIR: the repository's tests build this app twice, with Turbopack (the default) and with
// webpack (`npm run build:webpack`), into separate folders.
const config: NextConfig = { distDir: process.env.NEXT_DIST_DIR ?? '.next' }

export default config
