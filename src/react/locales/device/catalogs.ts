import type { Locale } from '../index'
import { byLocale } from '../lazy'
import en, { type DeviceMessages } from './en'

// One dynamic import per locale, as for the widget's other strings: each its own chunk.
const load = byLocale(import.meta.glob<DeviceMessages>(['./*.ts', '!./en.ts', '!./catalogs.ts'], { import: 'default' }))

/** A locale's device strings (English at hand; a chunk that fails to load leaves English). */
export async function loadDeviceMessages(locale: Locale): Promise<DeviceMessages> {
  return locale === 'en' ? en : load(locale).catch(() => en)
}
