// custom-elements.json is the single source of API docs (Storybook controls, editors, and
// the JSX, Vue, VS Code and JetBrains types that `npm run build` generates from it).

import { posix } from 'node:path';

/**
 * A module reference as the package ships it: `src/elements/story-ring/story-ring.ts`,
 * `./captions.js` (relative to the module `from`) or `/src/…` -> `dist/…js`. The standalone
 * entry is built as `dist/standalone/stories-kit.js`; a type-only module (no JavaScript)
 * is its declaration file under `dist/types/`; package names (`lit`) stay.
 */
function shipped(ref, from, typeOnly = new Set()) {
  let path = ref.startsWith('.') ? posix.join(posix.dirname(from), ref) : ref.replace(/^\//, '');
  if (!path.startsWith('src/')) return ref;
  path = path.replace(/\.(ts|js)$/, '');
  if (typeOnly.has(`${path}.ts`)) return `dist/types/${path.slice(4)}.d.ts`;
  return path === 'src/standalone' ? 'dist/standalone/stories-kit.js' : `dist/${path.slice(4)}.js`;
}

/** Rewrites every module reference (`module`) inside one module of the manifest. */
function pointAtDist(value, from, typeOnly) {
  if (Array.isArray(value)) return value.forEach((v) => pointAtDist(v, from, typeOnly));
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'module' && typeof v === 'string') value[key] = shipped(v, from, typeOnly);
    else pointAtDist(v, from, typeOnly);
  }
}

/** Names declared `{ state: true }` in a class's `static properties = { … }`. */
function reactiveState(ts, node) {
  const names = [];
  for (const member of node.members ?? []) {
    const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || !ts.isPropertyDeclaration(member) || member.name?.getText() !== 'properties') continue;
    if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
    for (const prop of member.initializer.properties) {
      if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
      const state = prop.initializer.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
      if (state) names.push(prop.name.getText());
    }
  }
  return names;
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/react/**'],
  litelement: true,
  plugins: [
    {
      // Lit's internal reactive state (`state: true` in `static properties`) is read by the
      // analyzer as an attribute; it is neither an attribute nor public API, so it goes.
      name: 'stories-kit:drop-reactive-state',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const names = new Set(reactiveState(ts, node));
        if (!names.size) return;
        const decl = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
        if (!decl) return;
        decl.members = decl.members?.filter((m) => !names.has(m.name));
        decl.attributes = decl.attributes?.filter((a) => !names.has(a.fieldName));
      },
    },
    {
      // `dispatchEvent(new StoryOpenEvent(…))` is detected as a nameless event (the
      // `@fires` tag on the class already documents it), and private reactive state as an
      // attribute: both are dropped.
      name: 'stories-kit:tidy-manifest',
      packageLinkPhase({ customElementsManifest }) {
        // Glob order differs between file systems; a stable order keeps CI's staleness check honest.
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name);
            // Internal reactive state (`state: true`) is not an attribute of the element.
            const internal = new Set((decl.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
            if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !internal.has(a.fieldName));
          }
        }
        // Type-only modules (interfaces, type aliases) declare nothing the manifest can list
        // and compile to no JavaScript file: they would be paths to nothing.
        const declares = (m) => m.declarations?.length || m.exports?.length;
        const typeOnly = new Set(customElementsManifest.modules.filter((m) => !declares(m)).map((m) => m.path));
        customElementsManifest.modules = customElementsManifest.modules.filter(declares);
        // Editors and tools open the module paths: point them at what the package contains.
        for (const mod of customElementsManifest.modules) {
          const from = mod.path;
          pointAtDist(mod, from, typeOnly);
          mod.path = shipped(from, from);
        }
      },
    },
  ],
};
