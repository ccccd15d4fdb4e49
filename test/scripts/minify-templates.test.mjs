// node:test: the template minifier keeps what is text and drops what is layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates } from '../../scripts/minify-templates.mjs';

const run = (source) => minifyTemplates(source, 'x.ts');

test('collapses the layout between tags and leaves expressions alone', () => {
  const out = run('const t = html`<div>\n    <span>${a + "  \\n  "}</span>\n  </div>`;');
  assert.equal(out, 'const t = html`<div><span>${a + "  \\n  "}</span></div>`;');
});

test('keeps the line breaks of <textarea> and <pre> content, across expressions too', () => {
  const out = run('const t = html`<label>\n  Note\n  <textarea\n    rows="2"\n  >Line one\n  line two ${x}\n  line three</textarea\n  >\n  <pre>a\n  b</pre>\n</label>`;');
  assert.equal(out, 'const t = html`<label>Note<textarea rows="2" >Line one\n  line two ${x}\n  line three</textarea\n  ><pre>a\n  b</pre></label>`;');
});

test('shrinks css`` and keeps strings in it', () => {
  const out = run("const s = css`\n  .a {\n    color: red;\n    content: 'x  y';\n  }\n`;");
  assert.equal(out, "const s = css` .a{color:red;content:'x  y'}`;");
});
