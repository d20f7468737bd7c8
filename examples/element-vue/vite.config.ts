import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// Vue compiles <verify-button> as the custom element it is, not as a Vue component to resolve.
// `npm run dev`: the page on :5173, the API on the backend (npm start, :3000).
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'verify-button' } } })],
  server: { proxy: { '/api': 'http://localhost:3000' } },
})
