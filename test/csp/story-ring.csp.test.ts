// Runs in the strict-CSP group: this page is served with
// `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`.
import { describeViolations, violations } from '../helpers/csp.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/story-ring.js';
import type { StoryRing } from '../../src/story-ring.js';
import { shadowQuery, until } from '../helpers/dom.js';

describe('strict CSP and Trusted Types', () => {
  it('the policy is in force on this page (so the other tests can fail)', async () => {
    // Trusted Types: a plain string into an HTML sink throws.
    const div = document.createElement('div');
    expect(() => {
      div.innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
    // style-src: an inline style attribute is blocked and reported.
    const styled = document.createElement('div');
    styled.setAttribute('style', 'color: red');
    document.body.append(styled);
    await until(() => violations.some((v) => v.violatedDirective.startsWith('style-src')), 'the style-src violation report');
    await until(() => violations.some((v) => v.violatedDirective === 'require-trusted-types-for'), 'the Trusted Types report');
    styled.remove();
    violations.length = 0;
  });

  it('<story-ring> renders every state, loads and fails avatars, and opens, with no violation', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <story-ring author-id="a" name="Ana Lima" state="none" avatar="/fixtures/media/avatars/avatar-1.jpg"></story-ring>
      <story-ring author-id="b" name="Bo Chen" state="unseen" segments="3" seen-segments="1" size="72"></story-ring>
      <story-ring author-id="c" name="Cy Diaz" state="seen" avatar="/fixtures/media/avatars/missing.jpg"></story-ring>
      <story-ring author-id="d" name="Di Eze" state="loading" size="small"></story-ring>
    </div>`);
    const rings = [...wrapper.querySelectorAll('story-ring')] as StoryRing[];
    await Promise.all(rings.map((r) => r.updateComplete));
    await until(() => !rings[2].shadowRoot!.querySelector('img'), 'the broken avatar to fall back');
    // The numeric size and segment paint reached the page through the CSSOM.
    expect(rings[1].getBoundingClientRect().width).to.equal(72);
    expect(getComputedStyle(shadowQuery(rings[1], '[part=ring]')).backgroundImage).to.contain('conic-gradient');

    const opened: string[] = [];
    wrapper.addEventListener('story-open', (e) => opened.push(e.detail.authorId));
    rings[1].focus();
    await sendKeys({ press: 'Enter' });
    expect(opened).to.deep.equal(['b']);
    await expect(wrapper).to.be.accessible();
    expect(violations, describeViolations()).to.have.length(0);
  });
});
