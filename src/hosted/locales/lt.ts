import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Kalba',
  testModeNote: 'Tikras patvirtinimas nevykdomas, ir joks rezultatas neįskaitomas.',
  startingBody: 'Ruošiamas saugus seansas…',
  idleTitle: 'Pradėkite, kai būsite pasiruošę',
  idleBody: 'Kelias sekundes reikės žiūrėti į kamerą.',
  requiresInputBody: 'Atlikite toliau nurodytus veiksmus. Kamera naudojama tik šiam patikrinimui.',
  inProgressBody: 'Neuždarykite šio puslapio, kol atliksite veiksmus.',
  processingBody: 'Paprastai tai užtrunka kelias sekundes. Puslapį galite palikti atidarytą.',
  verifiedBody: 'Galite uždaryti šį puslapį ir grįžti ten, kur pradėjote.',
  failedBody: 'Nepavyko patvirtinti, kad tai jūs. Padeda geras apšvietimas ir aiškiai matomas veidas.',
  canceledBody: 'Niekas nebuvo patikrinta. Galite pradėti iš naujo bet kada.',
  expiredBody: 'Jūsų saugumui seansai trunka neilgai.',
  offlineTitle: 'Nėra interneto ryšio',
  offlineBody: 'Tęsime, kai tik ryšys atsinaujins.',
  rateLimitedTitle: 'Šiek tiek palaukite',
  rateLimitedBody:
    '{seconds, plural, one {Bandysime dar kartą po # sekundės.} few {Bandysime dar kartą po # sekundžių.} many {Bandysime dar kartą po # sekundės.} other {Bandysime dar kartą po # sekundžių.}}',
  errorTitle: 'Kažkas nepavyko',
  startAgain: 'Pradėti iš naujo',
  cancel: 'Atšaukti',
  footer: 'Jūsų veidą tikrina {provider}. Šis puslapis niekada nemato jūsų atvaizdų, tik rezultatą.',
  handoffTakenTitle: 'Jau atidaryta kitame įrenginyje',
  handoffTakenBody: 'Ši nuoroda veikia tik viename įrenginyje. Norėdami tęsti, kompiuteryje sukurkite naują nuorodą.',
  handoffExpiredTitle: 'Šios nuorodos galiojimas baigėsi',
  handoffExpiredBody: 'Nuorodos veikia kelias minutes. Kompiuteryje sukurkite naują.',
  handoffInvalidTitle: 'Ši nuoroda neveikia',
  handoffInvalidBody: 'Ji gali būti nepilna arba ją pakeitė naujesnė nuoroda. Kompiuteryje sukurkite naują.',
  handoffEndedTitle: 'Ši patikra baigta',
  handoffEndedBody: 'Grįžkite prie kompiuterio, kad pamatytumėte rezultatą arba pradėtumėte iš naujo.',
  phoneDoneBody: 'Dabar galite grįžti prie kompiuterio: jis irgi rodo rezultatą.',
  phoneRetryBody: 'Grįžkite prie kompiuterio ir bandykite dar kartą.',
  phoneNoCameraBody: 'Ir šiame įrenginyje nėra kameros, kurią galėtume naudoti. Atidarykite nuorodą kitame telefone.',
}

export default messages
