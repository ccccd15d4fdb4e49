// Finds the system Chromium that tests and benchmarks drive; no browser is ever downloaded.
// On a fresh Debian machine run as root it installs Debian's `chromium` package itself.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

const INSTALL = 'apt-get update && apt-get install -y chromium';

/** Flags every headless run needs on these machines (root, no GPU, closed network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export function findChromium() {
  return CANDIDATES.find((path) => existsSync(path));
}

/** Returns the Chromium path, installing Debian's package first when possible. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`No Chrome or Chromium found: installing Debian's chromium (${INSTALL})…`);
    execFileSync('bash', ['-c', `export DEBIAN_FRONTEND=noninteractive; ${INSTALL}`], { stdio: 'inherit' });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    'No Chrome or Chromium found. Install one, e.g. on Debian/Ubuntu:\n' +
      `  sudo sh -c '${INSTALL}'\n` +
      'or point CHROME_PATH at an existing Chrome/Chromium binary.',
  );
  process.exit(1);
}
