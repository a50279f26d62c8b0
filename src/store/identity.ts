// Which stored documents are versions of the same article, and whether a document's text changed.
//
// The identity of an article is, in order:
//   1. its URL, normalised (`url:` + host + path + query, without scheme, fragment,
//      tracking parameters or a trailing slash), so an edited page at the same address
//      becomes a new version;
//   2. for documents without a URL: its file name together with its source and title
//      (`file:` + file | source | title). The file name alone is not enough, since
//      two folders or two JSON exports may reuse names; the title guards against
//      calling two different articles versions of each other, at the cost that a
//      retitled file is stored as a new document rather than a new version;
//   3. otherwise (stdin, records with neither): its own id, so each distinct text is
//      its own document.
// Two versions differ when the SHA-256 of their cleaned text differs.
import { createHash } from 'node:crypto';
import type { Doc } from '../doc/types.ts';

const trackingParameter = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

/** The URL reduced to what identifies the page: no scheme, fragment, tracking parameters or trailing slash. */
export function normaliseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (trackingParameter.test(name)) parsed.searchParams.delete(name);
  }
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  const query = parsed.searchParams.toString();
  const host = parsed.host.replace(/^www\./, '');
  return `${host}${path}${query ? `?${query}` : ''}`;
}

function normaliseLabel(label: string | null): string {
  return (label ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key shared by every version of the article `doc` is. */
export function documentIdentity(doc: Doc): string {
  const { url, file, source, title } = doc.meta;
  if (url && url.trim()) return `url:${normaliseUrl(url)}`;
  if (file && file.trim()) return `file:${file.trim()}|${normaliseLabel(source)}|${normaliseLabel(title)}`;
  return `doc:${doc.id}`;
}

/**
 * The key under which the full-text index holds one sentence text, however many documents carry it: the first
 * 64 bits of its MD5 as a signed integer (an SQLite INTEGER). Two different texts share a key with a chance of
 * about one in a million at five million distinct sentences; the sentence would then be found under the other's text.
 */
export function sentenceTextKey(text: string): bigint {
  return createHash('md5').update(text).digest().readBigInt64BE(0);
}

/** SHA-256 of the cleaned text, hex. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
