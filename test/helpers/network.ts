// A module the page cannot fetch, as when a device goes offline or a deploy replaces the
// files: the test server drops the connection for a path (`/__block`, see
// web-test-runner.config.mjs) and the browser's HTTP cache is off, so earlier test files'
// cached copies do not hide the failure.
import { executeServerCommand } from '@web/test-runner-commands';

/** Every request for `path` fails until {@link unblock}. */
export const block = (path: string) => fetch(`/__block?path=${encodeURIComponent(path)}`, { method: 'POST' });

/** Everything is served again. */
export const unblock = () => fetch('/__block', { method: 'DELETE' });

/**
 * The browser asks the server for every file (off for a suite that blocks some), or caches
 * again. Turning it off is also what empties the page's memory cache, where a module an
 * earlier test loaded would still be found: turn it off in the `before` of each suite that
 * blocks, not once for a whole file.
 */
export const httpCache = (enabled: boolean) => executeServerCommand('http-cache', { enabled });
