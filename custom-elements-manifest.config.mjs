// custom-elements.json is the single source of API docs (Storybook controls, editors).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [
    {
      // `dispatchEvent(new StoryOpenEvent(…))` is detected as a nameless event; the
      // `@fires` tag on the class already documents it with its name and type.
      name: 'stories-kit:drop-nameless-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name);
          }
        }
      },
    },
  ],
};
