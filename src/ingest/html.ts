// Reads HTML: the one HTML→Markdown path (defuddle on linkedom) for pages and feed items, plus page metadata.
import { format } from 'node:util';
import { Defuddle } from 'defuddle/node';
import { parseHTML } from 'linkedom';
import { InputError } from '../doc/errors.ts';
import type { Message, RawDocument } from '../doc/types.ts';
import { toIsoDate } from './iso-date.ts';
import { emptyMeta } from './metadata.ts';
import type { InputSource } from './types.ts';

export interface Article {
  /** The main article as Markdown (headings, lists and tables kept); empty when the page has no article text. */
  markdown: string;
  title: string | null;
  byline: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  published: string | null;
  /** Site name (og:site_name, JSON-LD publisher) or, failing that, the page's domain. */
  site: string | null;
  language: string | null;
  /** What the extractor complained about (broken JSON-LD, stylesheets…), kept for the document instead of printed. */
  warnings: string[];
}

export interface ExtractArticleOptions {
  /** The page's address: resolves relative links and names the domain. */
  url?: string | null;
  /** The HTML is already the article (a feed item's content), so main-content detection is skipped. */
  fragment?: boolean;
}

/** Extractor warnings can quote a whole broken script; a message needs only the start of its first line. */
const maximumWarningLength = 300;

/** Tags that may sit before `<body>` in a page that omits it. */
const headContentPattern = /^(\s*(<!doctype[^>]*>|<\?xml[^>]*>|<html[^>]*>|<head[^>]*>|<\/head>|<title[^>]*>[\s\S]*?<\/title>|<meta[^>]*>|<link[^>]*>|<base[^>]*>|<style[^>]*>[\s\S]*?<\/style>|<script[^>]*>[\s\S]*?<\/script>|<noscript[^>]*>[\s\S]*?<\/noscript>|<!--[\s\S]*?-->))*/i;

/** The main article of `html` as Markdown, with the metadata the page declares. Never throws on broken markup. */
export async function extractArticle(html: string, options: ExtractArticleOptions = {}): Promise<Article> {
  const { document } = parseHTML(withDocumentShell(html));
  const { value: result, lines: warnings } = await capturingConsole(() =>
    Defuddle(document, options.url ?? undefined, {
      markdown: true,
      useAsync: false,
      ...(options.fragment ? { contentSelector: 'body' } : {}),
    }),
  );
  return {
    markdown: result.content.trim(),
    title: present(result.title),
    byline: present(result.author?.replace(/^by\s+/i, '')),
    published: toIsoDate(result.published),
    site: present(result.site) ?? present(result.domain),
    language: present(result.language),
    warnings,
  };
}

/** A raw document for an HTML page: the article as Markdown in `content`, the page in `original`. */
export async function readHtmlPage(html: string, source: InputSource, messages: Message[] = []): Promise<RawDocument> {
  let article: Article;
  try {
    article = await extractArticle(html, { url: source.url });
  } catch (error) {
    throw new InputError('ingest:malformed-html', source.origin, `the HTML could not be read: ${(error as Error).message}`);
  }
  if (!hasReadableText(article.markdown)) {
    throw new InputError('ingest:no-article-text', source.origin, 'no article text found in the HTML (only markup, scripts or navigation)');
  }
  return {
    origin: source.origin,
    kind: source.kind,
    format: 'markdown',
    content: article.markdown,
    original: html,
    meta: {
      ...emptyMeta(),
      title: article.title,
      byline: article.byline,
      source: article.site,
      url: source.url,
      published: article.published,
      file: source.file,
      language: article.language,
    },
    messages: [...messages, ...article.warnings.map(extractorWarning)],
  };
}

/** An extractor complaint as a message on the document. */
export function extractorWarning(reason: string): Message {
  return { rule: 'ingest:html-warning', reason, severity: 'warning' };
}

/** Whether Markdown holds words, not just images, rules or link targets. */
export function hasReadableText(markdown: string): boolean {
  const words = markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\]\([^)]*\)/g, ']');
  return /[\p{L}\p{N}]/u.test(words);
}

/** linkedom builds the tree as written, so a page or fragment without `<html>`/`<body>` gets them here. */
function withDocumentShell(html: string): string {
  if (/<body[\s>]/i.test(html)) return /<html[\s>]/i.test(html) ? html : `<html>${html}</html>`;
  const head = headContentPattern.exec(html)?.[0] ?? '';
  const headTags = head.replace(/<!doctype[^>]*>|<\?xml[^>]*>|<\/?html[^>]*>|<\/?head[^>]*>/gi, '');
  const body = html.slice(head.length).replace(/<\/(body|html)>/gi, '');
  return `<!doctype html><html><head>${headTags}</head><body>${body}</body></html>`;
}

/**
 * Runs `run` with console output collected instead of printed: the extractor logs problems with a page to the
 * console, and only the CLI may print. With `useAsync: false` the extraction finishes within a few microtasks.
 */
async function capturingConsole<T>(run: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const lines: string[] = [];
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const collect = (...args: unknown[]): void => {
    lines.push(format(...args).split('\n')[0].slice(0, maximumWarningLength));
  };
  Object.assign(console, { log: collect, info: collect, warn: collect, error: collect, debug: collect });
  try {
    return { value: await run(), lines };
  } finally {
    Object.assign(console, saved);
  }
}

function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
