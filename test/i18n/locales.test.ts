// Every shipped language: its catalogue has every message of the English one, with the same
// placeholders and the plural forms its language needs, none left in English but the words
// its readers use as they are; and every element, in every state of the tour, with `lang`
// set to it, shows and says no English (names and the stories' own words aside).
import { expect } from '@open-wc/testing';
import { english, type Language } from '../../src/i18n/en.js';
import type { Message } from '../../src/i18n/words.js';
import { until } from '../helpers/dom.js';
import { englishLeft, englishPieces, everyElement } from './every-element.js';

/**
 * The shipped languages, with the English words their readers use as they are (platform
 * terms such as "Sticker" and "Link", the captions mark "CC"): a message may be one of them,
 * or one of them beside its placeholders ("Sticker {emoji}").
 */
const SHIPPED: Record<string, { load: () => Promise<{ default: Language }>; same: string[] }> = {
  es: { load: () => import('../../src/i18n/locales/es/index.js'), same: ['CC', 'Sticker', 'Stickers'] },
  'pt-BR': { load: () => import('../../src/i18n/locales/pt-br/index.js'), same: ['CC', 'Stories', 'Link'] },
  fr: { load: () => import('../../src/i18n/locales/fr/index.js'), same: ['CC', 'Stories', 'Sticker', 'Stickers', 'Mention', 'Style'] },
  de: { load: () => import('../../src/i18n/locales/de/index.js'), same: ['CC', 'Sticker', 'Link', 'Text', 'warm'] },
  it: { load: () => import('../../src/i18n/locales/it/index.js'), same: ['CC', 'Sticker', 'Link'] },
  tr: { load: () => import('../../src/i18n/locales/tr/index.js'), same: ['CC'] },
  ru: { load: () => import('../../src/i18n/locales/ru/index.js'), same: ['CC'] },
  ar: { load: () => import('../../src/i18n/locales/ar/index.js'), same: ['CC'] },
  hi: { load: () => import('../../src/i18n/locales/hi/index.js'), same: ['CC'] },
  id: { load: () => import('../../src/i18n/locales/id/index.js'), same: ['CC'] },
  ja: { load: () => import('../../src/i18n/locales/ja/index.js'), same: [] },
  ko: { load: () => import('../../src/i18n/locales/ko/index.js'), same: [] },
  'zh-Hans': { load: () => import('../../src/i18n/locales/zh-hans/index.js'), same: [] },
  vi: { load: () => import('../../src/i18n/locales/vi/index.js'), same: ['CC'] },
  th: { load: () => import('../../src/i18n/locales/th/index.js'), same: ['CC'] },
};

const placeholders = (message: Message) => [...new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((t) => t!.match(/\{\w+\}/g) ?? []))].sort();
/** Every part of a shipped language, as one catalogue. */
async function catalogueOf(load: () => Promise<{ default: Language }>): Promise<Record<string, Message>> {
  const language = (await load()).default;
  const parts = await Promise.all(Object.values(language).map((part) => part()));
  return Object.assign({}, ...parts.map((m) => m.default));
}

const texts = (message: Message) => (typeof message === 'string' ? [message] : Object.values(message) as string[]);

describe('the shipped languages', () => {
  for (const [code, { load, same }] of Object.entries(SHIPPED)) {
    describe(code, () => {
      it('have every message, with its placeholders and the plural forms of the language', async () => {
        const catalogue = await catalogueOf(load);
        const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
        const problems: string[] = [];
        for (const [id, source] of Object.entries(english as Record<string, Message>)) {
          const message = catalogue[id];
          if (message === undefined) {
            problems.push(`${id}: missing`);
            continue;
          }
          if (placeholders(message).join() !== placeholders(source).join()) problems.push(`${id}: placeholders ${placeholders(message)} for ${placeholders(source)}`);
          if (typeof source !== 'string') {
            if (typeof message === 'string') problems.push(`${id}: not plural`);
            else for (const form of forms) if (!message[form] && !message.other) problems.push(`${id}: no ${form}`);
          }
          const kept = (t: string) => t.split(/\{\w+\}|@/).map((piece) => piece.trim()).every((piece) => !piece || same.includes(piece));
          if (texts(message).some((t, i) => t === texts(source)[i] && !kept(t))) problems.push(`${id}: still English (${texts(message).join(' / ')})`);
        }
        for (const id of Object.keys(catalogue)) if (!(id in english)) problems.push(`${id}: not an English message`);
        expect(problems).to.deep.equal([]);
      });

      it('leave no English in any element, in any state of the tour', async function () {
        this.timeout(60000);
        const scene = await everyElement(code, code === 'ar' ? 'rtl' : 'ltr');
        const pieces = englishPieces(english);
        const left: string[] = [];
        // The catalogue arrives a moment after the first render: wait for one of its words.
        const catalogue = await catalogueOf(load);
        const heading = catalogue['bar.scrollBack'] as string;
        await until(() => scene.words().includes(heading), `the ${code} words`);
        await scene.tour((state) => {
          for (const piece of englishLeft(scene.words(), pieces, same)) left.push(`${state}: ${piece}`);
        });
        expect(left).to.deep.equal([]);
      });
    });
  }
});
