import './hosted.css'
import { resolveLocale } from '../react/locales'
import { readHostedConfig } from './config'
import { mountHostedPage } from './page'
import { ENGLISH_STRINGS, loadStrings } from './strings'

const root = document.getElementById('root')
// A second link opened in this tab changes only the #fragment: the page starts over with it.
window.addEventListener('hashchange', () => window.location.hash.startsWith('#handoff=') && window.location.reload())
if (root) {
  const config = readHostedConfig()
  // `?lang=`, else the person's browser languages in their order (index.html's own `lang` is only a default).
  const locale = resolveLocale(config.lang, ...navigator.languages)
  // The first paint is already in the chosen language and direction; English if its chunk fails.
  loadStrings(locale)
    .catch(() => ENGLISH_STRINGS)
    .then((strings) => mountHostedPage(root, { config, strings }))
}
