import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const root = import.meta.dirname;

/** One ESM entry per element plus `index`, so `import 'stories-kit/story-ring.js'` tree-shakes. */
const entries = {
  index: resolve(root, 'src/index.ts'),
  'story-ring': resolve(root, 'src/story-ring.ts'),
  'story-provider': resolve(root, 'src/story-provider.ts'),
  'story-bar': resolve(root, 'src/story-bar.ts'),
  'story-sidebar': resolve(root, 'src/story-sidebar.ts'),
  'story-viewer': resolve(root, 'src/story-viewer.ts'),
  'story-comments': resolve(root, 'src/story-comments.ts'),
  'viewers-tab': resolve(root, 'src/viewers-tab.ts'),
  'story-composer': resolve(root, 'src/story-composer.ts'),
  demo: resolve(root, 'src/demo.ts'),
  'react/index': resolve(root, 'src/react/index.ts'),
};

/** `npm start` serves the repository; its root address opens the demo. */
function openDemo(): Plugin {
  return {
    name: 'stories-kit:open-demo',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
          return;
        }
        next();
      });
    },
  };
}

/**
 * `/demo/feed.json`: the demo world as a static feed in the stories-kit format, made at
 * request time so its stories are always within their 24 hours.
 */
function demoFeed(): Plugin {
  return {
    name: 'stories-kit:demo-feed',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (req.url?.split('?')[0] !== '/demo/feed.json') return next();
        const { demoWorld } = await server.ssrLoadModule('/src/adapters/demo-world.ts');
        const world = demoWorld();
        const followed = new Set(world.follows.filter(([a]: string[]) => a === world.me).map(([, b]: string[]) => b));
        const reels = world.accounts
          .filter((a: { id: string }) => followed.has(a.id))
          .map((author: { id: string }) => ({
            author,
            stories: world.stories.filter((s: { author: { id: string } }) => s.author.id === author.id).map(({ author: _a, ...s }: { author: unknown }) => s),
          }));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ version: 'stories-kit/1', reels }));
      });
    },
  };
}

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root,
      publicDir: false,
      plugins: [openDemo(), demoFeed()],
      server: {
        port: Number(process.env.PORT) || 5173,
        host: process.env.HOST || 'localhost',
        // `npm run server` (the stories server in dev mode) answers /api for /demo/?endpoint=/api.
        proxy: { '/api': `http://localhost:${process.env.API_PORT || 8787}` },
      },
    };
  }
  if (mode === 'standalone') {
    // `<script type="module" src="…/stories-kit.js">` pages: a small autoloader, and beside it
    // the chunks it loads (Lit inside them) as the page shows each element.
    return {
      publicDir: false,
      plugins: [minifyTemplatesPlugin()],
      build: {
        outDir: 'dist/standalone',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        lib: { entry: resolve(root, 'src/standalone.ts'), formats: ['es'], fileName: () => 'stories-kit.js' },
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  return {
    publicDir: false,
    plugins: [minifyTemplatesPlugin()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: false,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        // Lit and the other dependencies stay imports, so an app bundles one copy of each.
        external: [/^lit($|\/)/, /^@lit\//, /^lit-html/, /^lit-element/, /^idb($|\/)/, /^hls\.js($|\/)/, /^react($|\/)/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
