import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// `npm run dev`: the page on :5173, the API on the backend (npm start, :3000).
export default defineConfig({ plugins: [react()], server: { proxy: { '/api': 'http://localhost:3000' } } })
