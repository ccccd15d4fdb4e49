// custom-elements.json is the single source of API docs (Storybook controls, editors).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [
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
      },
    },
  ],
};
