import type { HostedMessages } from './en'

const messages: HostedMessages = {
  language: 'Limbă',
  testModeNote: 'Nu are loc nicio verificare reală și niciun rezultat nu contează.',
  startingBody: 'Pregătim o sesiune securizată…',
  idleTitle: 'Începeți când sunteți gata',
  idleBody: 'Vi se va cere să priviți camera câteva secunde.',
  requiresInputBody: 'Urmați pașii de mai jos. Camera este folosită doar pentru această verificare.',
  inProgressBody: 'Lăsați această pagină deschisă până terminați pașii.',
  processingBody: 'De obicei durează câteva secunde. Puteți lăsa pagina deschisă.',
  verifiedBody: 'Puteți închide această pagină și vă puteți întoarce de unde ați pornit.',
  failedBody: 'Nu am putut confirma că sunteți dvs. Lumina bună și o imagine clară a feței ajută.',
  canceledBody: 'Nu s-a verificat nimic. Puteți începe din nou oricând doriți.',
  expiredBody: 'Pentru siguranța dvs., sesiunile durează puțin.',
  offlineTitle: 'Fără conexiune la internet',
  offlineBody: 'Vom continua imediat ce conexiunea revine.',
  rateLimitedTitle: 'Așteptați puțin',
  rateLimitedBody:
    '{seconds, plural, one {Reîncercăm peste # secundă.} few {Reîncercăm peste # secunde.} other {Reîncercăm peste # de secunde.}}',
  errorTitle: 'A apărut o problemă',
  startAgain: 'Începeți din nou',
  cancel: 'Anulați',
  footer: 'Fața dvs. este verificată de {provider}. Această pagină nu vă vede niciodată imaginile, doar rezultatul.',
  handoffTakenTitle: 'Deja deschis pe alt dispozitiv',
  handoffTakenBody: 'Acest link funcționează pe un singur dispozitiv. Pentru a continua, creați un link nou pe computer.',
  handoffExpiredTitle: 'Acest link a expirat',
  handoffExpiredBody: 'Linkurile funcționează câteva minute. Creați unul nou pe computer.',
  handoffInvalidTitle: 'Acest link nu funcționează',
  handoffInvalidBody: 'Poate fi incomplet sau a fost înlocuit de un link mai nou. Creați unul nou pe computer.',
  handoffEndedTitle: 'Această verificare s-a încheiat',
  handoffEndedBody: 'Reveniți la computer pentru a vedea rezultatul sau pentru a începe din nou.',
  phoneDoneBody: 'Acum puteți reveni la computer: și acesta afișează rezultatul.',
  phoneRetryBody: 'Reveniți la computer pentru a încerca din nou.',
  phoneNoCameraBody: 'Nici acest dispozitiv nu are o cameră pe care o putem folosi. Deschideți linkul pe alt telefon.',
}

export default messages
