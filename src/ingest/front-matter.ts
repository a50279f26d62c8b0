// Reads the simple `key: value` YAML front matter of a Markdown file into publication metadata.
import type { DocMeta } from '../doc/types.ts';
import { toIsoDate } from './iso-date.ts';

export interface FrontMatter {
  meta: Partial<DocMeta>;
  /** The Markdown after the front matter block. */
  body: string;
}

const blockPattern = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;
const linePattern = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/;
/** Front matter is a short header; a longer "block" is more likely a horizontal rule pair inside the text. */
const maximumBlockLength = 4096;

/** The front matter of `markdown` when it opens with one, else null. Only flat scalar keys are read. */
export function readFrontMatter(markdown: string): FrontMatter | null {
  const block = blockPattern.exec(markdown);
  if (!block || block[1].length > maximumBlockLength) return null;
  const fields = new Map<string, string>();
  for (const line of block[1].split(/\r?\n/)) {
    const field = linePattern.exec(line.trim());
    if (field) fields.set(field[1].toLowerCase(), unquote(field[2].trim()));
  }
  if (fields.size === 0) return null;
  const pick = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = fields.get(key);
      if (value) return value;
    }
    return null;
  };
  const published = pick('published', 'date', 'pubdate', 'published_at', 'publishedat');
  return {
    meta: {
      title: pick('title'),
      byline: pick('byline', 'author'),
      source: pick('source', 'site', 'outlet', 'publisher'),
      url: pick('url', 'link', 'canonical'),
      published: published === null ? null : toIsoDate(published),
      language: pick('language', 'lang'),
    },
    body: markdown.slice(block[0].length),
  };
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}
