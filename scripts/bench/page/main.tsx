// As an app does (import 'verify-widget/styles.css'): resolved to the package's build (see lib/bench-page.ts).
import '../../../src/react/styles.css'
import { createRoot } from 'react-dom/client'
import { VerifyButton, VerifyProvider } from '../../../src/react'

/**
 * The bench's own page: one FaceSign button in a dialog, `?prefetch=0` turns prefetch off. The
 * demo page shows every mode; this one keeps exactly one widget on the page, so that request
 * counts and heap figures are the widget's alone.
 */
const prefetch = new URLSearchParams(window.location.search).get('prefetch') !== '0'
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <VerifyProvider>
      <main>
        <h1>verify-widget bench</h1>
        <VerifyButton provider="facesign" mode="modal" prefetch={prefetch} resume={false} />
      </main>
    </VerifyProvider>,
  )
