// Renders every story of every stories/*.stories.ts file from plain CSF, as Storybook would,
// so a story that throws, renders nothing or breaks accessibility fails the build.
import { expect, fixtureCleanup } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';

interface Story {
  args?: Record<string, unknown>;
  /** CSF loaders: awaited before rendering, their results merged into `context.loaded`. */
  loaders?: ((context: unknown) => Promise<Record<string, unknown>>)[];
  render?: (args: Record<string, unknown>, context: { args: Record<string, unknown>; name: string; title: string; loaded: Record<string, unknown> }) => TemplateResult | Node;
}
type CsfModule = Record<string, Story> & { default: Story & { title: string; component?: string } };

// Served by the `stories-index` plugin of web-test-runner.config.mjs: one import per file.
const indexUrl = '/__stories-index__.js';
const { stories } = (await import(/* @vite-ignore */ indexUrl)) as { stories: Record<string, CsfModule> };

/** Custom elements inside `root`, including those in their shadow roots. */
function customElementsIn(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.localName.includes('-')) found.push(el);
    if (el.shadowRoot) found.push(...customElementsIn(el.shadowRoot));
  }
  return found;
}

describe('Storybook stories', () => {
  it('finds story files to check', () => {
    expect(Object.keys(stories).length).to.be.greaterThan(0);
  });

  for (const [file, mod] of Object.entries(stories)) {
    describe(file, () => {
      const meta = mod.default;
      const named = Object.entries(mod).filter(([name]) => name !== 'default' && name !== '__namedExportsOrder');

      it('has a title, a component and at least one story', () => {
        expect(meta.title).to.be.a('string');
        expect(named.length).to.be.greaterThan(0);
      });

      for (const [name, story] of named) {
        it(`${name} renders`, async () => {
          const args = { ...meta.args, ...story.args };
          const renderStory = story.render ?? meta.render;
          expect(renderStory, 'a render function').to.be.a('function');
          const container = document.createElement('div');
          document.body.append(container);
          try {
            const context = { args, name, title: meta.title, loaded: {} as Record<string, unknown> };
            for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) Object.assign(context.loaded, await loader(context));
            const result = renderStory!(args, context);
            if (result instanceof Node) container.append(result);
            else render(result, container);
            const elements = customElementsIn(container);
            expect(elements.length, 'custom elements rendered').to.be.greaterThan(0);
            for (const el of elements) {
              expect(customElements.get(el.localName), `<${el.localName}> is defined`).to.not.equal(undefined);
              await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
              expect(el.shadowRoot?.childElementCount ?? 0, `<${el.localName}> rendered something`).to.be.greaterThan(0);
            }
            if (meta.component) expect(container.querySelector(meta.component), `a <${meta.component}>`).to.not.equal(null);
            const box = container.getBoundingClientRect();
            expect(box.width * box.height, 'visible size').to.be.greaterThan(0);
            await expect(container).to.be.accessible();
          } finally {
            container.remove();
            fixtureCleanup();
          }
        });
      }
    });
  }
});
