// `node scripts/screenshot.mjs`: the README's phone screenshot (docs/demo-phone.png). Starts
// the demo's dev server, opens the brand page in Debian's Chromium at 390×844 with touch,
// plays Gus's landscape story (shown whole, with its caption and comments) and captures it.
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const server = await createServer({ server: { port: 5199, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:5199/demo/', { waitUntil: 'networkidle' });
  await page.waitForFunction(() => !!document.querySelector('story-bar')?.shadowRoot?.querySelector('story-ring'));
  // The ring of the account with the landscape photo.
  await page.evaluate(() => {
    const bar = document.querySelector('story-bar');
    const ring = [...bar.shadowRoot.querySelectorAll('story-ring')].find((r) => r.author?.id === 'gus');
    ring.scrollIntoView();
    ring.shadowRoot.querySelector('button').click();
  });
  await page.waitForFunction(() => {
    const viewer = document.querySelector('story-viewer');
    const img = viewer?.shadowRoot?.querySelector('img.media.current.ready');
    const latest = viewer?.shadowRoot?.querySelector('story-comments')?.shadowRoot?.querySelectorAll('.latest-item').length;
    return img && latest >= 2;
  }, null, { timeout: 20_000 });
  // Still, so the capture is the same each time.
  await page.evaluate(() => document.querySelector('story-viewer').pause());
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/demo-phone.png' });
  console.log('docs/demo-phone.png written');
  // The comments panel open on the same phone: the header stays above it, in reach.
  await page.evaluate(() => {
    const comments = document.querySelector('story-viewer').shadowRoot.querySelector('story-comments');
    comments.show();
  });
  await page.waitForFunction(() => document.querySelector('story-viewer').shadowRoot.querySelector('story-comments').shadowRoot.querySelectorAll('.row').length >= 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/demo-phone-comments.png' });
  console.log('docs/demo-phone-comments.png written');
} finally {
  await browser.close();
  await server.close();
}
