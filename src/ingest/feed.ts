// Reads RSS and Atom feeds: one raw document per item, from its full content, its linked page or its summary.
import { parseFeed } from '@rowanmanning/feed-parser';
import { InputError } from '../doc/errors.ts';
import type { DocMeta, Message, RawDocument } from '../doc/types.ts';
import { decodeBytes } from './decode.ts';
import { extractArticle, extractorWarning, hasReadableText, readHtmlPage } from './html.ts';
import { toIsoDate } from './iso-date.ts';
import { fillMetaGaps } from './metadata.ts';
import { charsetFromContentType, formatFromContentType, looksLikeHtml, resolveFormat } from './sniff.ts';
import type { IngestResult, InputSource, ReaderOptions } from './types.ts';
import { findXmlStructureError } from './xml-structure.ts';
import { fetchUrl, isHttpUrl } from './url.ts';

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];

/** One result per item of the feed in `xml`; a feed that cannot be parsed throws `ingest:malformed-xml` naming `source`. */
export async function* readFeed(xml: string, source: InputSource, options: ReaderOptions, messages: Message[] = []): AsyncGenerator<IngestResult> {
  const feed = parseFeedText(xml, source.origin);
  const items = feed.items;
  if (items.length === 0) throw new InputError('ingest:empty', source.origin, 'the feed has no items');
  for (const [index, item] of items.entries()) {
    const itemSource: InputSource = {
      origin: `${source.origin}#${index + 1}`,
      kind: 'feed-item',
      file: null,
      url: item.url !== null && isHttpUrl(item.url) ? item.url : null,
    };
    try {
      yield { ok: true, doc: await readFeedItem(item, feed, itemSource, options, messages) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield { ok: false, error };
    }
  }
}

/** The parsed feed. The parser is lenient, so the tags are also checked to nest and close: a cut-off feed is refused, not half read. */
function parseFeedText(xml: string, origin: string): Feed {
  let feed: Feed;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    if ((error as { code?: string }).code === 'INVALID_FEED' && findXmlStructureError(xml) === null) {
      throw new InputError('ingest:not-a-feed', origin, 'not an RSS or Atom feed: no <rss>, <feed> or <rdf:RDF> element found');
    }
    throw malformedXml(xml, origin, error);
  }
  if (findXmlStructureError(xml) !== null) throw malformedXml(xml, origin, null);
  return feed;
}

function malformedXml(xml: string, origin: string, parserError: unknown): InputError {
  const structure = findXmlStructureError(xml);
  if (structure) return new InputError('ingest:malformed-xml', origin, `malformed XML: ${structure.reason} (line ${structure.line})`);
  return new InputError('ingest:malformed-xml', origin, `malformed XML: ${describeXmlError(parserError, xml)}`);
}

async function readFeedItem(item: FeedItem, feed: Feed, source: InputSource, options: ReaderOptions, messages: Message[]): Promise<RawDocument> {
  const authors = item.authors.map((author) => author.name).filter((name): name is string => Boolean(name?.trim()));
  const meta: DocMeta = {
    title: item.title?.trim() || null,
    byline: authors.length > 0 ? authors.join(', ') : null,
    source: feed.title?.trim() || null,
    url: source.url,
    published: toIsoDate(item.published ?? item.updated),
    file: null,
    language: feed.language,
  };

  const fullContent = item.content ? await htmlOrTextToContent(item.content, source.url) : null;
  if (fullContent) return itemDocument(source, fullContent, meta, messages);

  const itemMessages = [...messages];
  if (source.url !== null && options.fetchFeedLinks) {
    try {
      const page = await readLinkedPage(source.url, source, options);
      return { ...page, meta: fillMetaGaps(meta, page.meta), messages: [...itemMessages, ...page.messages] };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      itemMessages.push({ rule: error.code, reason: `the linked page could not be read (${error.message}); the feed summary is used instead`, severity: 'warning' });
      if (!item.description) throw error;
    }
  }

  const summary = item.description ? await htmlOrTextToContent(item.description, source.url) : null;
  if (summary) return itemDocument(source, summary, meta, itemMessages);
  throw new InputError('ingest:no-text', source.origin, 'the feed item has no content, no summary and no link to read');
}

type ItemContent = Pick<RawDocument, 'format' | 'content' | 'original'> & { warnings: Message[] };

/** A feed field as document content: HTML goes through the page path to Markdown; plain text stays as it is. */
async function htmlOrTextToContent(value: string, url: string | null): Promise<ItemContent | null> {
  if (!looksLikeHtml(value)) {
    return value.trim() === '' ? null : { format: 'text', content: value.trim(), original: null, warnings: [] };
  }
  const article = await extractArticle(value, { url, fragment: true });
  if (!hasReadableText(article.markdown)) return null;
  return { format: 'markdown', content: article.markdown, original: value, warnings: article.warnings.map(extractorWarning) };
}

function itemDocument(source: InputSource, body: ItemContent, meta: DocMeta, messages: Message[]): RawDocument {
  const { warnings, ...content } = body;
  return { origin: source.origin, kind: source.kind, ...content, meta, messages: [...messages, ...warnings] };
}

/** The article at an item's link, read as a page (its own metadata fills what the item lacks). */
async function readLinkedPage(url: string, source: InputSource, options: ReaderOptions): Promise<RawDocument> {
  const fetched = await fetchUrl(url, options, source.origin);
  const decoded = decodeBytes(fetched.bytes, source.origin, { declaredCharset: charsetFromContentType(fetched.contentType) });
  const format = resolveFormat(decoded.text, formatFromContentType(fetched.contentType));
  if (format !== 'html') throw new InputError('ingest:not-html', source.origin, `the linked page is not HTML (${fetched.contentType ?? 'no content type'})`);
  return readHtmlPage(decoded.text, { ...source, url: fetched.finalUrl }, decoded.messages);
}

function describeXmlError(error: unknown, xml: string): string {
  const message = (error instanceof Error ? error.message : String(error)).split(/\.\s|\n/)[0].replace(/\.$/, '');
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const line = xml.slice(0, offset).split('\n').length;
  return `${message.replace(/\s*at position \d+/, '')} (line ${line})`;
}
