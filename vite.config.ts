import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const root = import.meta.dirname;

/** One ESM entry per element plus `index`, so `import 'stories-kit/story-ring.js'` tree-shakes. */
const entries = {
  index: resolve(root, 'src/index.ts'),
  'story-ring': resolve(root, 'src/story-ring.ts'),
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

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root,
      publicDir: false,
      plugins: [openDemo()],
      server: { port: Number(process.env.PORT) || 5173, host: process.env.HOST || 'localhost' },
    };
  }
  if (mode === 'standalone') {
    // One file with Lit inside, for `<script type="module" src="…/stories-kit.js">` pages.
    return {
      publicDir: false,
      plugins: [minifyTemplatesPlugin()],
      build: {
        outDir: 'dist/standalone',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        lib: { entry: entries.index, formats: ['es'], fileName: () => 'stories-kit.js' },
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
        external: [/^lit($|\/)/, /^@lit\//, /^lit-html/, /^lit-element/, /^idb($|\/)/, /^hls\.js($|\/)/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
