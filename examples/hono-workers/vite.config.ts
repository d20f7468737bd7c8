import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  // `npm run dev`: the page on :5173, the API on the Worker (npm start, :8787). Without changeOrigin
  // the proxy keeps the page's Host, so the backend's Origin check sees its own origin.
  server: { proxy: { '/api': 'http://localhost:8787' } },
})
