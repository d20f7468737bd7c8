// Type checks (the typecheck gate compiles this file; it never runs): the declarations that
// verify-widget/element/react, /vue and /svelte add to each framework accept what the docs show
// and refuse a provider, mode or listener that does not exist.
import type { SvelteHTMLElements } from 'svelte/elements'
import type { GlobalComponents } from 'vue'
import type {} from '../../src/element/react'
import type {} from '../../src/element/svelte'
import type {} from '../../src/element/vue'

export const reactUse = (
  <verify-button
    provider="facesign"
    mode="inline"
    locale="fr"
    theme="dark"
    allowed-hosts="127.0.0.1:4010"
    onverify-verified={(event) => event.detail.sessionId.toUpperCase()}
    onverify-error={(event) => event.detail.code}
  >
    Verify now
  </verify-button>
)
// @ts-expect-error: not a provider
export const reactBadProvider = <verify-button provider="stripe" />
// @ts-expect-error: not a mode
export const reactBadMode = <verify-button provider="facesign" mode="sheet" />
// @ts-expect-error: the detail of verify-error is a VerifyError, which has no sessionId
export const reactBadDetail = <verify-button provider="facesign" onverify-error={(event) => event.detail.sessionId} />

export const elementByTag: HTMLElementTagNameMap['verify-button']['start'] = () => Promise.resolve({ phase: 'idle' })

export const svelteUse: SvelteHTMLElements['verify-button'] = {
  provider: 'faceverify',
  mode: 'popup',
  'onverify-canceled': (event) => event.detail.status,
}
// @ts-expect-error: not a provider
export const svelteBad: SvelteHTMLElements['verify-button'] = { provider: 'stripe' }

type VueProps = InstanceType<GlobalComponents['verify-button']>['$props']
export const vueUse: VueProps = { provider: 'facesign', onVerifyVerified: (event) => event.detail.livemode }
// @ts-expect-error: not a mode
export const vueBad: VueProps = { provider: 'facesign', mode: 'sheet' }
