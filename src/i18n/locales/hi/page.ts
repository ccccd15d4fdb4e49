/** Hindi: the words of the rings, the bar and the sidebar. */
import type { Catalogue } from '../../en.js';

export default {
  'list.error': 'स्टोरीज़ लोड नहीं हो सकीं।',
  'list.retry': 'फिर से कोशिश करें',
  'ring.unseen': { one: '{name}, {n} नई स्टोरी', other: '{name}, {n} नई स्टोरीज़' },
  'ring.unseenAny': '{name}, नई स्टोरीज़',
  'ring.seen': '{name}, स्टोरीज़ देखी गईं',
  'ring.loading': '{name}, स्टोरीज़ खुल रही हैं',
  'bar.label': 'स्टोरीज़',
  'bar.own': 'आपकी स्टोरी',
  'bar.ownOpening': 'आपकी स्टोरी, खुल रही है',
  'bar.ownUnseen': { one: 'आपकी स्टोरी, {n} नई', other: 'आपकी स्टोरी, {n} नई' },
  'bar.loading': 'स्टोरीज़ लोड हो रही हैं',
  'bar.scrollBack': 'पीछे स्क्रॉल करें',
  'bar.scrollForward': 'आगे स्क्रॉल करें',
  'sidebar.heading': 'स्टोरीज़',
  'sidebar.own': 'आपकी स्टोरी',
  'sidebar.rowUnseen': { one: '{name}, {n} नई स्टोरी, सबसे नई {age}', other: '{name}, {n} नई स्टोरीज़, सबसे नई {age}' },
  'sidebar.rowSeen': '{name}, स्टोरीज़ देखी गईं, सबसे नई {age}',
  'sidebar.rowOpening': '{name}, खुल रही है, सबसे नई {age}',
  'sidebar.empty': 'अभी आपके फ़ॉलो किए गए लोगों की कोई स्टोरी नहीं है।',
  'sidebar.list': 'स्टोरी वाले अकाउंट',
  'sidebar.create': 'बनाएँ',
  'sidebar.close': 'बंद करें',
} satisfies Catalogue<'page'>;
