// The demo world for dev mode, from its one definition in src/adapters/demo-world.ts
// (compiled on the fly with esbuild, a dev dependency of this repository).
import { fileURLToPath } from 'node:url';

/** The demo World at `now`, its media under `mediaBase`. */
export async function demoWorld({ now, mediaBase } = {}) {
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch {
    throw new Error('The demo world needs esbuild (a dev dependency of stories-kit): run it from a clone of the repository.');
  }
  const out = await build({ entryPoints: [fileURLToPath(new URL('../src/adapters/demo-world.ts', import.meta.url))], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return module.demoWorld({ now, mediaBase });
}

/** Seeds the demo world afresh when no story is live (the demo's stories expire too), or always with `force`. */
export async function seedDemoIfEmpty(server, { force = false } = {}) {
  const t = server.now();
  const live = await server.database.db.selectFrom('stories').select('id').where('created_at', '<=', t).where('expires_at', '>', t).limit(1).executeTakeFirst();
  if (live && !force) return false;
  await server.admin.reset();
  await server.admin.seed(await demoWorld({ now: t }));
  return true;
}
