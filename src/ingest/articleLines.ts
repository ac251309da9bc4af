/**
 * Article HTML as corpus lines: one paragraph a line, headings as `## Heading`, list items
 * as `- item` (the corpus format; see README "The corpus"). Figures, captions, forms and
 * embedded media are not article text and are left out.
 */
export function articleLines(root: Element): string[] {
  const lines: string[] = [];
  let inline = '';
  const flush = (prefix: string): void => {
    const text = inline.replace(/\s+/gu, ' ').trim();
    inline = '';
    if (/[\p{L}\p{N}]/u.test(text)) lines.push(`${prefix}${text}`);
  };
  const walk = (node: Node, prefix: string): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === TEXT_NODE) {
        inline += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (tag === 'BR') {
        flush(prefix);
      } else if (!BLOCKS.has(tag)) {
        walk(child, prefix);
      } else {
        flush(prefix);
        const own = /^H[1-6]$/u.test(tag) ? '## ' : tag === 'LI' ? '- ' : prefix;
        walk(child, own);
        flush(own);
      }
    }
  };
  walk(root, '');
  flush('');
  return lines;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCKS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

const SKIPPED: ReadonlySet<string> = new Set([
  'ASIDE', 'AUDIO', 'BUTTON', 'CANVAS', 'FIGCAPTION', 'FIGURE', 'FORM', 'IFRAME', 'IMG', 'INPUT', 'NAV', 'NOSCRIPT',
  'OBJECT', 'PICTURE', 'SCRIPT', 'SELECT', 'STYLE', 'SVG', 'TEMPLATE', 'TEXTAREA', 'VIDEO',
]);
