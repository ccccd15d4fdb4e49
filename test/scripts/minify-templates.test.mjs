// node:test: the template minifier keeps what is text and drops what is layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { css, unsafeCSS } from '@lit/reactive-element/css-tag.js';
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
  assert.equal(out, "import { unsafeCSS as __unsafeCSS } from 'lit';\nconst s = __unsafeCSS(` .a{color:red;content:'x  y'}`);");
});

test('css`` becomes unsafeCSS(``) with the same text, interpolations included', () => {
  const source = 'const inner = css`b{margin:0}`;\nconst s = [css`a{width:${4}px}${inner}`, css`i{}`];\nreturn s;';
  const out = run(source).replace(/^import .*\n/, '');
  assert.equal(out, 'const inner = __unsafeCSS(`b{margin:0}`);\nconst s = [__unsafeCSS(`a{width:${4}px}${inner}`), __unsafeCSS(`i{}`)];\nreturn s;');
  const sheets = (tag) => new Function('css', '__unsafeCSS', tag === 'css' ? source : out)(css, unsafeCSS).map((r) => r.cssText);
  assert.deepEqual(sheets('unsafe'), sheets('css'));
  assert.deepEqual(sheets('css'), ['a{width:4px}b{margin:0}', 'i{}']);
});
