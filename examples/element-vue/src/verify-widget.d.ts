// <verify-button> in templates, typed for vue-tsc and the editor: attributes and `@verify-…` events.
import type {} from 'verify-widget/element/vue'
