/**
 * The pseudo-locale `en-XA`: every English message with its letters accented and 40% longer,
 * between ⟦ ⟧, so a string left out of the catalogue shows up (it stays plain) and so does a
 * layout that clips or overlaps longer words. Its placeholders stay as they are. One module
 * for every part: it is a tool for finding mistakes, not a language a page downloads.
 */
import { english } from '../en.js';
import type { Message, Messages } from '../words.js';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'aàbƀcçdđeéfƒgĝhĥiîjĵkķlĺmɱnñoöpþqǫrŕsštţuûvṽwŵxẋyýzž'.matchAll(/(.)(.)/gu)].flatMap(([, plain, accented]) => [
    [plain, accented],
    [plain.toUpperCase(), accented.toUpperCase()],
  ]),
);

/** One text, pseudo-localised: accents outside `{placeholders}`, then padding to 140%. */
function pseudo(text: string): string {
  const accented = text
    .split(/(\{\w+\})/)
    .map((part, i) => (i % 2 ? part : part.replace(/[a-z]/gi, (c) => ACCENTED[c] ?? c)))
    .join('');
  const padding = '·'.repeat(Math.ceil(text.replace(/\{\w+\}/g, '').length * 0.4));
  return `⟦${accented}${padding}⟧`;
}

const messages: Messages = Object.fromEntries(
  Object.entries(english as Record<string, Message>).map(([id, message]) => [
    id,
    typeof message === 'string' ? pseudo(message) : Object.fromEntries(Object.entries(message).map(([form, text]) => [form, pseudo(text!)])),
  ]),
);

const all = async () => ({ default: messages });

export default { page: all, viewer: all, comments: all, composer: all, tools: all };
