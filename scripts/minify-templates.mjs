// A Vite plugin that shrinks the static text of Lit's css`` and html`` templates at build
// time (comments, indentation, spaces around CSS punctuation). It edits only the literal
// parts found by the TypeScript parser, never the expressions inside `${…}`.
import ts from 'typescript';

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

function minifyHtml(text) {
  // Line breaks with indentation next to a tag are layout of the source, not content.
  return text.replace(/>\s*\n\s*/g, '>').replace(/\s*\n\s*</g, '<').replace(/\s*\n\s*/g, ' ');
}

export function minifyTemplates(source, fileName = 'file.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html', 'svg'].includes(node.tag.text)) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
      const tpl = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(tpl) ? [tpl] : [tpl.head, ...tpl.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        const start = part.getStart(file);
        const raw = source.slice(start, part.end);
        // `…${`, `}…${` or `}…` around the literal text: keep the delimiters as they are.
        const open = raw.startsWith('`') || raw.startsWith('}') ? 1 : 0;
        const close = raw.endsWith('${') ? 2 : raw.endsWith('`') ? 1 : 0;
        const text = raw.slice(open, raw.length - close);
        const small = minify(text);
        if (small !== text) edits.push({ start: start + open, end: part.end - close, text: small });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
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
