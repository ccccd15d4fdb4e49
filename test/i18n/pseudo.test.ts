// The pseudo-locale en-XA accents every message of the catalogue and makes it 40% longer:
// every element, in every state the tour shows, at 390×844, says nothing in plain English
// (a string left out of the catalogue would) and clips or overlaps none of its controls.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { english } from '../../src/i18n/en.js';
import { clippedOrOverlapping, englishLeft, englishPieces, everyElement } from './every-element.js';

/** What the stories themselves say (names and their initials, captions, comments, sounds) and what Intl writes (ages), not the elements' words. */
const DATA = [/^(Vera Viewer|Alice Adams|Bob Brown|Carol Chen|Dave Dunn|Erin Eze|Xavier Xu|Yuki Yamada|Zoe Zimmer)$/, /^(VV|AA|BB|CC|DD|EE|XX|YY|ZZ)$/, /^(a1|a2|b1|c1|v1|v2|Nice!|Morning chime|forest\.jpg)$/, /^@\w+$/, /^\d+ (min|hr)$/, /^\d+ (minutes?|hours?) ago$/, /^(now|\d+)$/];
const isData = (word: string) => DATA.some((pattern) => pattern.test(word));

describe('the pseudo-locale en-XA', () => {
  before(() => setViewport({ width: 390, height: 844 }));

  it('leaves no English in any element, in any state of the tour', async function () {
    this.timeout(60000);
    const scene = await everyElement('en-XA');
    const pieces = englishPieces(english);
    const left: string[] = [];
    const plain = new Set<string>();
    await scene.tour((state) => {
      for (const piece of englishLeft(scene.words(), pieces)) left.push(`${state}: ${piece}`);
      // Text the catalogue never saw stays plain: anything with letters but no ⟦ ⟧ that is not the stories' own data.
      for (const word of scene.words()) if (/[a-z]{2}/i.test(word) && !word.includes('⟦') && !isData(word)) plain.add(`${state}: ${word}`);
    });
    expect(left, 'catalogue messages shown in English').to.deep.equal([]);
    expect([...plain], 'text that is not in the catalogue').to.deep.equal([]);
  });

  it('clips and overlaps no control at 390×844, the words 40% longer', async function () {
    this.timeout(60000);
    const scene = await everyElement('en-XA');
    const problems: string[] = [];
    await scene.tour((state) => {
      // What is on top: the page, else the open viewer or composer.
      const top = scene.composer.open ? scene.composer : scene.viewer.open ? scene.viewer : scene.box;
      for (const problem of clippedOrOverlapping(top.shadowRoot ?? top)) problems.push(`${state}: ${problem}`);
    });
    expect(problems).to.deep.equal([]);
  });

  it('(its checker) finds words cut off or drawn over others, and not a turned box without words', async () => {
    const box = await fixture<HTMLElement>(html`<div style="position: relative; width: 300px; height: 100px">
      <button style="position: absolute; left: 0; top: 0">⟦Fïrst wörds⟧</button>
      <button style="position: absolute; left: 10px; top: 4px">⟦Sëcönd wörds⟧</button>
      <button style="position: absolute; left: 0; top: 50px; width: 40px; overflow: hidden; white-space: nowrap">⟦Ä lötß öf wörds⟧</button>
      <button style="position: absolute; left: 200px; top: 50px; width: 40px; height: 40px"><span style="display: block; width: 40px; height: 40px; transform: rotate(45deg)"></span></button>
      <button style="position: absolute; left: 236px; top: 50px; width: 40px; height: 40px"><span style="display: block; width: 40px; height: 40px"></span></button>
    </div>`);
    const problems = clippedOrOverlapping(box);
    expect(problems.filter((p) => p.startsWith('over each other'))).to.deep.equal(['over each other: button "⟦Fïrst wörds⟧" and button "⟦Sëcönd wörds⟧"']);
    expect(problems.filter((p) => p.startsWith('cut off:'))).to.have.length(1);
    expect(problems.find((p) => p.startsWith('cut off:'))).to.contain('⟦Ä lötß öf wörds⟧');
  });
});
