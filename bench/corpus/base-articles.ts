// Reads the project's own sample corpus (samples/) into the base articles the generator varies.
import { fileURLToPath } from 'node:url';
import { readInputs, loadManifest } from '../../src/ingest/index.ts';

export interface BaseArticle {
  /** Where it came from, for reports. */
  origin: string;
  title: string | null;
  format: 'text' | 'markdown';
  /** Paragraphs of the decoded content (HTML pages and feed items as the Markdown ingest makes of them). */
  paragraphs: string[];
  /** What joins the paragraphs: a blank line, or a single line break in texts written line by line (social posts, scraped pages). */
  separator: '\n\n' | '\n';
}

const samplesDir = fileURLToPath(new URL('../../samples/', import.meta.url));

/** Every article, feed item and export record of samples/, read through the same ingest code as `parley ingest`. */
export async function loadBaseArticles(): Promise<BaseArticle[]> {
  const inputs = ['articles', 'feeds', 'exports'].map((folder) => `${samplesDir}${folder}`);
  const bases: BaseArticle[] = [];
  for await (const result of readInputs(inputs, { manifest: loadManifest(`${samplesDir}manifest.json`), fetchFeedLinks: false })) {
    if (!result.ok) throw new Error(`sample ${result.error.input}: ${result.error.message}`);
    const raw = result.doc;
    const separator = /\n[ \t]*\n/.test(raw.content) ? '\n\n' : '\n';
    const paragraphs = raw.content.split(separator === '\n\n' ? /\n[ \t]*\n+/ : '\n').map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0);
    bases.push({ origin: raw.origin, title: raw.meta.title, format: raw.format === 'text' ? 'text' : 'markdown', paragraphs, separator });
  }
  if (bases.length === 0) throw new Error(`no sample articles under ${samplesDir}`);
  return bases;
}
