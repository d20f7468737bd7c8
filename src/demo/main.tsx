import 'verify-widget/styles.css'
import './demo.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { DemoApp } from './DemoApp'

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <DemoApp />
    </StrictMode>,
  )
