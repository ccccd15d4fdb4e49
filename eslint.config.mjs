// ESLint: typescript-eslint, the Lit and web-components rules, and the import boundaries
// of STYLE.md (what may import what), so the layering cannot erode silently.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

/** Import patterns a layer must not use, with the reason shown to whoever tries. */
const boundary = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const HEAVY = [
  { group: ['idb', 'idb/*'], message: 'Only src/storage and src/media talk to IndexedDB; go through the store.' },
  { group: ['hls.js', 'hls.js/*'], message: 'hls.js is loaded lazily by src/media alone.' },
];

export default tseslint.config(
  {
    ignores: ['dist/', 'storybook-static/', 'node_modules/', 'custom-elements.json', 'fixtures/', '.tmp/', 'examples/.pack/', 'examples/*/dist/', 'examples/*/.next/', 'examples/*/next-env.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'lit/no-invalid-html': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'wc/guard-super-call': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: render data as text through Lit templates.' },
        { selector: "MemberExpression[property.name='outerHTML']", message: 'No outerHTML: render data as text through Lit templates.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML strings: render data through Lit templates.' },
        { selector: "ImportDeclaration[source.value=/unsafe-html|unsafe-svg/]", message: 'unsafeHTML/unsafeSVG are not allowed: data is rendered as text.' },
      ],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      ...boundary([
        ...HEAVY,
        { group: ['**/adapters/*', '!**/adapters/types*', '!**/adapters/errors*'], message: 'Elements use the store (src/state), never an adapter implementation.' },
        { group: ['**/media/*'], message: 'Elements reach media through the store and its controllers (src/state).' },
        { group: ['**/storage/*'], message: 'Elements never persist anything themselves: the store does.' },
      ]),
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Elements never fetch: data flows adapter → store → element.' }, { name: 'indexedDB', message: 'Elements never touch IndexedDB.' }],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: boundary([...HEAVY, { group: ['**/elements/*', '**/elements/**'], message: 'The store never depends on elements.' }]),
  },
  {
    files: ['src/model/**/*.ts'],
    rules: boundary([
      ...HEAVY,
      { group: ['../*', '!./*'], message: 'src/model imports nothing of ours outside src/model.' },
      { group: ['lit', 'lit/*', '@lit/*'], message: 'The model is plain TypeScript.' },
    ]),
  },
  {
    files: ['src/media/**/*.ts'],
    ignores: ['src/media/hls-loader.ts', 'src/media/hls-light.d.ts'],
    rules: boundary([
      { group: ['hls.js', 'hls.js/*'], message: 'Only src/media/hls-loader.ts imports hls.js, and only with import().' },
      { group: ['**/elements/*', '**/elements/**'], message: 'Media code never depends on elements.' },
    ]),
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: boundary([
      { group: ['hls.js', 'hls.js/*'], message: 'Adapters never play media.' },
      { group: ['**/elements/*', '**/elements/**', '**/state/*'], message: 'Adapters never depend on the store or elements.' },
    ]),
  },
  {
    files: ['test/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The example apps' own code runs in the page; their configs and servers in Node.
    files: ['examples/**/*.{js,ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['examples/**/*.mjs', 'examples/*/*.config.{js,ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['scripts/**/*.mjs', 'server/**/*.mjs', 'test/ssr/**/*.mjs', 'test/scripts/**/*.mjs', '*.mjs', '*.ts', '.storybook/**/*.ts'],
    // Node scripts; bench.mjs also hands functions to the page, which run with browser globals.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
