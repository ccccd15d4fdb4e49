// `npm run build`: the library (one ESM module per source file, an entry per element, Lit
// external), a standalone bundle with Lit inside, and the type declarations.
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'standalone', '--logLevel', 'warn']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
console.log('Built dist/ (library), dist/standalone/stories-kit.js and dist/types/.');
