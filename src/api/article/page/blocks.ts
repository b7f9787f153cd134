/**
 * The article body (Strapi "blocks") as plain text or as a small, escaped HTML, for the formats that
 * carry a summary or a body: JSON-LD, RSS/Atom and ninjs. Pure: no Strapi. Unknown node types give
 * their text, never their markup, so nothing an editor stores can become markup here.
 */

interface BlockNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
  level?: unknown;
  format?: unknown;
  url?: unknown;
  bold?: unknown;
  italic?: unknown;
}

const asNode = (value: unknown): BlockNode | null => (value && typeof value === 'object' ? (value as BlockNode) : null);
const childrenOf = (node: BlockNode): unknown[] => (Array.isArray(node.children) ? node.children : []);

/** The text of a node and everything inside it. */
function textOf(value: unknown): string {
  const node = asNode(value);
  if (!node) return '';
  if (typeof node.text === 'string') return node.text;
  return childrenOf(node).map(textOf).join('');
}

/** One string per top-level block (paragraph, heading, quote, list item…), blank ones left out. */
export function blockTexts(body: unknown): string[] {
  if (!Array.isArray(body)) return [];
  const texts: string[] = [];
  for (const block of body) {
    const node = asNode(block);
    if (!node) continue;
    // A list gives one line per item, so a summary never runs two items together.
    const parts = node.type === 'list' ? childrenOf(node).map(textOf) : [textOf(node)];
    for (const part of parts) if (part.trim() !== '') texts.push(part.trim());
  }
  return texts;
}

/** Longest summary, in characters: what feed readers and search engines show in full. */
export const SUMMARY_MAX_LENGTH = 300;

/** The first non-blank paragraph, cut at a word boundary to at most SUMMARY_MAX_LENGTH characters. */
export function firstParagraph(body: unknown): string | undefined {
  const first = blockTexts(body)[0];
  if (!first) return undefined;
  if (first.length <= SUMMARY_MAX_LENGTH) return first;
  return `${first.slice(0, SUMMARY_MAX_LENGTH - 3).replace(/\s+\S*$/, '')}…`;
}

/** What a listing shows under the headline: the subtitle, else the first paragraph. */
export function summaryOf(article: { subtitle?: string | null; body?: unknown }): string | undefined {
  const subtitle = article.subtitle?.trim();
  return subtitle ? subtitle : firstParagraph(article.body);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML element content and attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/** Only http(s) links survive: `javascript:` and `data:` URLs never reach a reader. */
function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function inlineHtml(value: unknown): string {
  const node = asNode(value);
  if (!node) return '';
  if (typeof node.text === 'string') {
    let html = escapeHtml(node.text);
    if (node.bold === true) html = `<strong>${html}</strong>`;
    if (node.italic === true) html = `<em>${html}</em>`;
    return html;
  }
  const inner = childrenOf(node).map(inlineHtml).join('');
  if (node.type === 'link') {
    const href = safeHref(node.url);
    return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
  }
  return inner;
}

/** The body as HTML: paragraphs, headings, quotes and lists; every text escaped. */
export function blocksToHtml(body: unknown): string {
  if (!Array.isArray(body)) return '';
  const html: string[] = [];
  for (const block of body) {
    const node = asNode(block);
    if (!node) continue;
    const inner = childrenOf(node).map(inlineHtml).join('');
    switch (node.type) {
      case 'heading': {
        const level = typeof node.level === 'number' && node.level >= 1 && node.level <= 6 ? Math.floor(node.level) : 2;
        html.push(`<h${level}>${inner}</h${level}>`);
        break;
      }
      case 'quote':
        html.push(`<blockquote>${inner}</blockquote>`);
        break;
      case 'list': {
        const tag = node.format === 'ordered' ? 'ol' : 'ul';
        const items = childrenOf(node).map((item) => `<li>${childrenOf(asNode(item) ?? {}).map(inlineHtml).join('')}</li>`);
        html.push(`<${tag}>${items.join('')}</${tag}>`);
        break;
      }
      default:
        if (textOf(node).trim() !== '') html.push(`<p>${inner}</p>`);
    }
  }
  return html.join('\n');
}
