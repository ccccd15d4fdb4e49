// `npm run typecheck`: the sources, tests and stories (tsconfig.json), then the framework
// types as an app sees them: the declarations and the types generated from
// custom-elements.json are written into dist/ (as `npm run build` does), and the TSX files of
// test/types/jsx/ (React, Vue), jsx-preact/ and jsx-solid/ import them as `stories-kit/…`
// through the package's exports.
import { execFileSync } from 'node:child_process';
import { writeEditorTypes } from './editor-types.mjs';

const tsc = (...args) => execFileSync('npx', ['tsc', ...args], { stdio: 'inherit' });

try {
  tsc('--noEmit', '-p', 'tsconfig.json');
  tsc('-p', 'tsconfig.build.json');
  writeEditorTypes('dist');
  tsc('-p', 'test/types/jsx/tsconfig.json');
  tsc('-p', 'test/types/jsx-preact/tsconfig.json');
  tsc('-p', 'test/types/jsx-solid/tsconfig.json');
} catch {
  process.exit(1);
}
