// `npm test`: the server's own tests (node:test, on PGlite and, with DATABASE_URL, on
// PostgreSQL), the server-rendering tests (node:test, test/ssr/), then @web/test-runner in Chromium (the REST contract suite against the
// server on PGlite; with DATABASE_URL the REST files once more against PostgreSQL), and
// the plain closing line `N passed, N failed` from all their counts.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

process.env.CHROME_PATH = ensureChromium();

// The zero-JavaScript embed test loads the real standalone bundle, so build it first.
const standalone = spawnSync('npx', ['vite', 'build', '--mode', 'standalone', '--logLevel', 'error'], { stdio: 'inherit' });
if (standalone.status !== 0) {
  console.error('Building the standalone bundle failed.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
const add = (counts, status) => {
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  if (status !== 0) ok = false;
};

// Only a full run also runs the server's tests (not `npm test -- some/file.test.ts`).
if (process.argv.length <= 2) {
  const serverSummary = '.server-test-summary.json';
  rmSync(serverSummary, { force: true });
  const server = spawnSync(process.execPath, ['scripts/test-server.mjs', '--summary', serverSummary], { stdio: 'inherit', env: process.env });
  try {
    add(JSON.parse(readFileSync(serverSummary, 'utf8')), server.status);
  } catch {
    console.error('The server tests ended without a summary.');
    add({ failed: 1 }, 1);
  }
  rmSync(serverSummary, { force: true });

  // The elements under Lit's server renderer, and the build's own scripts, in plain Node:
  // counted from node:test's TAP report.
  console.log('\n=== server rendering and build scripts (test/ssr/, test/scripts/)');
  const tap = '.ssr-test-report.tap';
  rmSync(tap, { force: true });
  const ssrFiles = ['test/ssr', 'test/scripts'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).map((f) => `${dir}/${f}`));
  const ssr = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...ssrFiles], { stdio: 'inherit' });
  let report = '';
  try {
    report = readFileSync(tap, 'utf8');
  } catch {
    // No report: counted as a failure below.
  }
  rmSync(tap, { force: true });
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  if (!report || (ssr.status !== 0 && counts.failed === 0)) counts.failed = Math.max(1, counts.failed);
  add(counts, ssr.status);
}

const summaryFile = '.wtr-summary.json';
/** One wtr run; its counts come from the summary reporter in web-test-runner.config.mjs. */
function wtr(args, env) {
  rmSync(summaryFile, { force: true });
  const result = spawnSync('npx', ['wtr', ...args], { stdio: 'inherit', env });
  try {
    add(JSON.parse(readFileSync(summaryFile, 'utf8')), result.status);
  } catch {
    console.error('The test runner ended without a summary: it crashed before the tests ran.');
    add({ failed: 1 }, 1);
  }
}
// The browser suites talk to the server on PGlite…
const { DATABASE_URL, ...withoutUrl } = process.env;
wtr(process.argv.slice(2), withoutUrl);
// …and, when there is a PostgreSQL, the files that use the REST API run against it too.
if (DATABASE_URL && process.argv.length <= 2) {
  console.log('\n=== the REST adapter suites against PostgreSQL (DATABASE_URL)');
  wtr(['test/adapters/contract.test.ts', 'test/adapters/adapters.test.ts', 'test/adapters/presigned.test.ts', 'test/state/outbox.test.ts', '--group', 'default'], process.env);
}

const { passed, failed, skipped } = totals;
if (skipped > 0) console.log(`${skipped} test(s) were skipped: skipping is not allowed in this repository.`);
console.log(`${passed} passed, ${failed + skipped} failed`);
process.exit(ok && failed === 0 && skipped === 0 && passed > 0 ? 0 : 1);
