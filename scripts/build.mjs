// `npm run build`: the library (one ESM module per source file, an entry per element, Lit
// external), a standalone bundle with Lit inside, the type declarations, and the framework
// and editor types generated from custom-elements.json (scripts/editor-types.mjs).
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { writeEditorTypes } from './editor-types.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'standalone', '--logLevel', 'warn']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
writeEditorTypes('dist');
console.log('Built dist/ (library), dist/standalone/stories-kit.js, dist/types/ and the JSX, Vue, VS Code and web-types files.');
