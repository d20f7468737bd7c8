import 'verify-widget/styles.css'
import './demo.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { localeDirection, resolveLocale } from '../react/locales'
import { DemoApp } from './DemoApp'

// `?lang=ar` shows the demo as a page in that language would (the widget follows <html lang>).
const lang = new URLSearchParams(window.location.search).get('lang')
if (lang) {
  document.documentElement.lang = lang
  document.documentElement.dir = localeDirection(resolveLocale(lang))
}

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <DemoApp />
    </StrictMode>,
  )
