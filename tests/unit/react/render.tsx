import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { type ReactNode, StrictMode } from 'react'
import { VerifyProvider, type VerifyProviderProps } from '../../../src/react'

/** A real QueryClient per test; only the network edge (`fetch`) is fake. */
export function renderWidget(ui: ReactNode, options: { fetch: typeof fetch; strict?: boolean } & Omit<VerifyProviderProps, 'children'>) {
  const { strict, ...props } = options
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const tree = (node: ReactNode) => (
    <VerifyProvider queryClient={queryClient} {...props}>
      {node}
    </VerifyProvider>
  )
  const result = render(tree(ui), { wrapper: strict ? StrictMode : undefined })
  return { ...result, queryClient, rerenderWidget: (node: ReactNode) => result.rerender(tree(node)) }
}
