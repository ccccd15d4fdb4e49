// `npm run test:server`: the server's own tests (node:test over real HTTP, server/test/),
// one file at a time, on PGlite — and again on PostgreSQL when DATABASE_URL is set.
// Prints `N passed, N failed` and, with --summary FILE, writes the counts there as JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = readdirSync(join(root, 'server/test'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort()
  .map((f) => join('server/test', f));
const summaryAt = process.argv.indexOf('--summary');
const summaryFile = summaryAt > 0 ? process.argv[summaryAt + 1] : undefined;

/** Runs the files on one engine; counts from node:test's TAP report. */
function run(engine, env) {
  const dir = mkdtempSync(join(tmpdir(), 'stories-kit-server-tests-'));
  const tap = join(dir, 'report.tap');
  console.log(`\n=== server tests on ${engine}`);
  const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], { cwd: root, stdio: 'inherit', env });
  let text = '';
  try {
    text = readFileSync(tap, 'utf8');
  } catch {
    // No report: counted as a failure below.
  }
  rmSync(dir, { recursive: true, force: true });
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  if (!text) counts.failed = Math.max(1, counts.failed);
  return counts;
}

const { DATABASE_URL, ...withoutUrl } = process.env;
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (c) => Object.keys(totals).forEach((k) => (totals[k] += c[k]));
add(run('PGlite', withoutUrl));
if (DATABASE_URL) add(run('PostgreSQL (DATABASE_URL)', process.env));

if (totals.skipped) console.log(`${totals.skipped} server test(s) were skipped: skipping is not allowed in this repository.`);
if (summaryFile) writeFileSync(summaryFile, JSON.stringify(totals));
console.log(`${totals.passed} passed, ${totals.failed + totals.skipped} failed`);
process.exit(totals.failed === 0 && totals.skipped === 0 && totals.passed > 0 ? 0 : 1);
