/**
 * The English strings a page needs before the rest of the widget loads: the button's label, its
 * label while starting, and what a failed load of the rest says (pressing the button tries again). The other strings load with the
 * dialog (src/react/locales/en.ts); other languages load whole, one chunk each.
 */
const enButton = {
  start: 'Verify your identity',
  starting: 'Starting…',
  errorNetwork: 'Could not connect. Check your connection and try again.',
}

export default enButton
