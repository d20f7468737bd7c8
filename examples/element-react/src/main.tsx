// The custom element, registered once; no stylesheet to import (its styles live in its shadow root).
import 'verify-widget/element'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
