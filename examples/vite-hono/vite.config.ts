import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  // `npm run dev`: the page on :5173, the API on the backend (npm start, :3000). Without changeOrigin the
  // proxy keeps the page's Host, so the backend's Origin check sees its own origin; with
  // changeOrigin: true, list http://localhost:5173 in the handler's allowedOrigins instead.
  server: { proxy: { '/api': 'http://localhost:3000' } },
})
