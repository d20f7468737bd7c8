import 'verify-widget/styles.css'
import type { ReactNode } from 'react'

export const metadata = { title: 'verify-widget example' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
