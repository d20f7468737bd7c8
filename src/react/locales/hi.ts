import type { Messages } from './en'

const messages: Messages = {
  start: 'अपनी पहचान सत्यापित करें',
  starting: 'शुरू हो रहा है…',
  retry: 'फिर से कोशिश करें',
  close: 'बंद करें',
  dialogTitle: 'पहचान सत्यापन',
  testMode: 'परीक्षण मोड',
  requires_input: 'आपके शुरू करने की प्रतीक्षा है',
  in_progress: 'सत्यापन जारी है',
  processing: 'आपका परिणाम जाँचा जा रहा है…',
  verified: 'आप सत्यापित हैं',
  failed: 'सत्यापन विफल रहा',
  canceled: 'सत्यापन रद्द किया गया',
  expired: 'सत्र समाप्त हो गया। कृपया फिर से शुरू करें।',
  errorNetwork: 'सत्यापन सेवा से संपर्क नहीं हो सका। अपना कनेक्शन जाँचें और फिर से कोशिश करें।',
  errorRateLimited: 'बहुत अधिक प्रयास। कृपया थोड़ी देर रुककर फिर से कोशिश करें।',
  errorPopup: 'आपके ब्राउज़र ने सत्यापन विंडो रोक दी। पॉप-अप की अनुमति दें और फिर से कोशिश करें।',
  errorGeneric: 'सत्यापन में कुछ गलत हो गया। कृपया फिर से कोशिश करें।',
  verifiedButton: 'पहचान सत्यापित',
  failedButton: 'सत्यापन फिर से आज़माएँ',
  canceledButton: 'सत्यापन फिर से शुरू करें',
  expiredButton: 'नया सत्यापन शुरू करें',
  failedHint: 'अच्छी रोशनी और साफ़ दिखता चेहरा मदद करते हैं।',
  flowLoading: 'सत्यापन लोड हो रहा है…',
}

export default messages
