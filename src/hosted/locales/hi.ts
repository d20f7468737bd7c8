import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'भाषा',
  testModeNote: 'कोई वास्तविक सत्यापन नहीं होता और कोई परिणाम मान्य नहीं है।',
  startingBody: 'एक सुरक्षित सत्र तैयार किया जा रहा है…',
  idleTitle: 'जब आप तैयार हों',
  idleBody: 'आपसे कुछ सेकंड के लिए कैमरे की ओर देखने को कहा जाएगा।',
  requiresInputBody: 'नीचे दिए चरणों का पालन करें। आपका कैमरा केवल इसी जाँच के लिए उपयोग होता है।',
  inProgressBody: 'चरण पूरे होने तक यह पेज खुला रखें।',
  processingBody: 'इसमें आमतौर पर कुछ सेकंड लगते हैं। आप यह पेज खुला रख सकते हैं।',
  verifiedBody: 'आप यह पेज बंद करके वहीं लौट सकते हैं जहाँ से शुरू किया था।',
  failedBody: 'हम पुष्टि नहीं कर सके कि यह आप हैं। अच्छी रोशनी और चेहरा साफ़ दिखना मदद करता है।',
  canceledBody: 'कुछ भी जाँचा नहीं गया। आप जब चाहें फिर से शुरू कर सकते हैं।',
  expiredBody: 'आपकी सुरक्षा के लिए सत्र थोड़े समय तक ही चलते हैं।',
  offlineTitle: 'आप ऑफ़लाइन हैं',
  offlineBody: 'कनेक्शन लौटते ही हम आगे बढ़ेंगे।',
  rateLimitedTitle: 'कृपया थोड़ा रुकें',
  rateLimitedBody: '{seconds, plural, one {# सेकंड में फिर से कोशिश होगी।} other {# सेकंड में फिर से कोशिश होगी।}}',
  errorTitle: 'कुछ गलत हो गया',
  startAgain: 'फिर से शुरू करें',
  cancel: 'रद्द करें',
  footer: 'आपका चेहरा {provider} जाँचता है। यह पेज आपकी तस्वीरें कभी नहीं देखता, केवल परिणाम।',
}

export default messages
