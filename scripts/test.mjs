// `npm test`: makes sure a Chromium is there, runs @web/test-runner in it, and prints the
// plain closing line `N passed, N failed` from the runner's own counts.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

process.env.CHROME_PATH = ensureChromium();

// The zero-JavaScript embed test loads the real standalone bundle, so build it first.
const standalone = spawnSync('npx', ['vite', 'build', '--mode', 'standalone', '--logLevel', 'error'], { stdio: 'inherit' });
if (standalone.status !== 0) {
  console.error('Building the standalone bundle failed.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const summaryFile = '.wtr-summary.json';
rmSync(summaryFile, { force: true });

const result = spawnSync('npx', ['wtr', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });

let summary;
try {
  summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
} catch {
  console.error('The test runner ended without a summary: it crashed before the tests ran.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const { passed, failed, skipped } = summary;
if (skipped > 0) console.log(`${skipped} test(s) were skipped: skipping is not allowed in this repository.`);
console.log(`${passed} passed, ${failed + skipped} failed`);
process.exit(result.status === 0 && failed === 0 && skipped === 0 && passed > 0 ? 0 : 1);
