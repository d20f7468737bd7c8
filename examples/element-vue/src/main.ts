// The custom element, registered once; no stylesheet to import (its styles live in its shadow root).
import 'verify-widget/element'
import { createApp } from 'vue'
import App from './App.vue'

createApp(App).mount('#app')
