// A Vite plugin that shrinks the static text of Lit's css`` and html`` templates at build
// time (comments, indentation, spaces around CSS punctuation). It edits only the literal
// parts found by the TypeScript parser, never the expressions inside `${…}`.
//
// It also turns css`…` into unsafeCSS(`…`): the same CSSResult, without the css tag's check
// that every `${…}` is a CSSResult or a number — our style sheets interpolate only those, and
// the check (with its long error message) is about 150 bytes gzipped in every journey.
import ts from 'typescript';

function minifyCss(text) {
  // Quoted strings (content: '…') are text: only what is between them is shrunk. Comments
  // go first (an apostrophe in one is not a string).
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

function minifyHtml(text) {
  // Line breaks with indentation next to a tag are layout of the source, not content.
  return text.replace(/>\s*\n\s*/g, '>').replace(/\s*\n\s*</g, '<').replace(/\s*\n\s*/g, ' ');
}

/**
 * The literal parts of one html`` template, minified in order but for the content of
 * `<textarea>` and `<pre>`, whose line breaks are text (an element may open in one part and
 * close in another, around a `${…}`).
 */
function minifyHtmlParts(texts) {
  let state = 'out';
  return texts.map((text) => {
    let out = '';
    let rest = text;
    while (rest) {
      const pattern = state === 'out' ? /<(textarea|pre)\b/i : state === 'tag' ? />/ : /<\/(textarea|pre)\s*>/i;
      const match = pattern.exec(rest);
      const upTo = match ? match.index + match[0].length : rest.length;
      const piece = rest.slice(0, upTo);
      out += state === 'content' ? piece : minifyHtml(piece);
      rest = rest.slice(upTo);
      if (match) state = state === 'out' ? 'tag' : state === 'tag' ? 'content' : 'out';
    }
    return out;
  });
}

export function minifyTemplates(source, fileName = 'file.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  let unsafe = false;
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html', 'svg'].includes(node.tag.text)) {
      const tpl = node.template;
      const parts = (ts.isNoSubstitutionTemplateLiteral(tpl) ? [tpl] : [tpl.head, ...tpl.templateSpans.map((s) => s.literal)]).map((part) => {
        const start = part.getStart(file);
        const raw = source.slice(start, part.end);
        // `…${`, `}…${` or `}…` around the literal text: keep the delimiters as they are.
        const open = raw.startsWith('`') || raw.startsWith('}') ? 1 : 0;
        const close = raw.endsWith('${') ? 2 : raw.endsWith('`') ? 1 : 0;
        return { start: start + open, end: part.end - close, text: raw.slice(open, raw.length - close) };
      });
      const small = node.tag.text === 'css' ? parts.map((p) => minifyCss(p.text)) : minifyHtmlParts(parts.map((p) => p.text));
      parts.forEach((p, i) => small[i] !== p.text && edits.push({ start: p.start, end: p.end, text: small[i] }));
      if (node.tag.text === 'css') {
        // Both edits sit outside the literal parts edited above.
        edits.push({ start: node.tag.getStart(file), end: node.tag.end, text: '__unsafeCSS(' }, { start: node.end, end: node.end, text: ')' });
        unsafe = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  // From the end, so earlier offsets stay right; at one offset, the later-pushed edit first.
  const order = edits.map((edit, i) => ({ ...edit, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  for (const edit of order) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return unsafe ? `import { unsafeCSS as __unsafeCSS } from 'lit';\n${out}` : out;
}

/** Vite plugin applying {@link minifyTemplates} to the library's TypeScript sources. */
export function minifyTemplatesPlugin() {
  return {
    name: 'stories-kit:minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id.split('?')[0])) return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}
