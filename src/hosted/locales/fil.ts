import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Wika',
  testModeNote: 'Walang totoong pag-verify na nangyayari, at walang resultang binibilang.',
  startingBody: 'Naghahanda ng ligtas na session…',
  idleTitle: 'Magsimula kapag handa ka na',
  idleBody: 'Hihilingin sa iyong tumingin sa camera nang ilang segundo.',
  requiresInputBody: 'Sundin ang mga hakbang sa ibaba. Ginagamit lang ang iyong camera para sa pagsusuring ito.',
  inProgressBody: 'Panatilihing bukas ang page na ito habang tinatapos mo ang mga hakbang.',
  processingBody: 'Karaniwang tumatagal ito nang ilang segundo. Puwede mong panatilihing bukas ang page na ito.',
  verifiedBody: 'Puwede mo nang isara ang page na ito at bumalik sa pinagsimulan mo.',
  failedBody: 'Hindi namin makumpirmang ikaw iyon. Nakatutulong ang maliwanag na ilaw at malinaw na kita ang mukha.',
  canceledBody: 'Walang nasuri. Puwede kang magsimula ulit kahit kailan.',
  expiredBody: 'Para sa iyong seguridad, maikli lang ang bawat session.',
  offlineTitle: 'Wala kang koneksyon sa internet',
  offlineBody: 'Magpapatuloy kami kapag bumalik na ang iyong koneksyon.',
  rateLimitedTitle: 'Maghintay sandali',
  rateLimitedBody: '{seconds, plural, one {Susubukan ulit sa loob ng # segundo.} other {Susubukan ulit sa loob ng # segundo.}}',
  errorTitle: 'Nagkaproblema',
  startAgain: 'Magsimula ulit',
  cancel: 'Kanselahin',
  footer: 'Ang iyong mukha ay sinusuri ng {provider}. Hindi kailanman nakikita ng page na ito ang iyong mga larawan, ang resulta lang.',
}

export default messages
