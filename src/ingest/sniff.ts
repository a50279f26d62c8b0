// Decides what an input holds (text, Markdown, HTML, feed, JSON, JSONL) from its name, its content type or its first bytes.
import { extname } from 'node:path';

export type InputFormat = 'text' | 'markdown' | 'html' | 'feed' | 'json' | 'jsonl';

const formatByExtension: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The format a file name promises, or null when the extension says nothing (the content is sniffed then). */
export function formatFromPath(path: string): InputFormat | null {
  return formatByExtension[extname(path).toLowerCase()] ?? null;
}

/** The format an HTTP `Content-Type` promises, or null for generic types (text/plain, octet-stream) that need sniffing. */
export function formatFromContentType(contentType: string | null): InputFormat | null {
  const type = mediaType(contentType);
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/rss+xml' || type === 'application/atom+xml' || type === 'application/rdf+xml') return 'feed';
  if (type === 'application/xml' || type === 'text/xml') return 'feed';
  if (type === 'application/json' || type === 'application/feed+json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') return 'jsonl';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  return null;
}

/** The `charset` parameter of a `Content-Type`, if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match ? match[1] : null;
}

/**
 * Settles the format of decoded `text`: a hint from the name or content type wins, except that an XML-ish hint
 * on an HTML page reads it as HTML; without a hint the content decides. JSON covers JSON Lines: the reader tells them apart.
 */
export function resolveFormat(text: string, hint: InputFormat | null): InputFormat {
  if (hint === 'feed') return looksLikeHtmlPage(text) && !looksLikeFeed(text) ? 'html' : 'feed';
  if (hint !== null) return hint;
  return sniffFormat(text);
}

/** The format of `text` judged by its content alone. */
export function sniffFormat(text: string): InputFormat {
  const start = text.replace(/^[\uFEFF\s]+/, '');
  if (start.startsWith('<')) {
    if (looksLikeFeed(start)) return 'feed';
    if (looksLikeHtml(start)) return 'html';
  }
  // A JSON opening is read as JSON (one document or one record per line), so a broken file is reported as invalid JSON rather than read as prose.
  if (/^(\{\s*["}]|\[\s*([{["\]\d-]|$))/.test(start)) return 'json';
  return looksLikeMarkdown(start) ? 'markdown' : 'text';
}

/** Whether a string (a JSON field, a feed description) carries HTML markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|head|body|p|div|article|section|br|span|a\s|h[1-6]|ul|ol|li|table|em|strong|b|i|blockquote|figure|img)[\s/>]/i.test(text);
}

/** Whether HTML is a whole page (not a fragment such as a feed item's content). */
export function looksLikeHtmlPage(text: string): boolean {
  return /<(!doctype\s+html|html)[\s>]/i.test(text.slice(0, 4096));
}

function looksLikeFeed(text: string): boolean {
  return /<(rss|feed|rdf:rdf)[\s>]/i.test(text.slice(0, 4096));
}

/** Whether plain text uses Markdown structure: ATX headings, pipe tables or inline links. */
export function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6} \S/m.test(text) || /^\s*\|.+\|\s*$\n^\s*\|\s*:?-{3,}/m.test(text) || /\[[^\]\n]+\]\(https?:\/\/[^)\s]+\)/.test(text);
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The charset a page or XML file declares in its first bytes (`<meta charset>`, `<?xml encoding>`), if any. */
export function charsetFromMarkup(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared = /<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ?? /<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return declared ? declared[1] : null;
}
