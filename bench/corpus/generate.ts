// Generates N distinct, realistic articles from the sample corpus: seeded, reproducible, streamed one at a time.
import { readFileSync } from 'node:fs';
import type { BaseArticle } from './base-articles.ts';
import { createRandom, hashSeed, type Random } from './random.ts';

interface PersonName {
  full: string;
  surname: string;
}

interface Variations {
  people: PersonName[];
  leaders: PersonName[];
  firstNames: string[];
  surnames: string[];
  venues: string[];
  replacementVenues: string[];
  outlets: string[];
  bylines: string[];
  footers: string[];
  appendedHeadlines: string[];
  rewrites: [string, string][];
  updateNotes: string[];
  queries: string[];
}

export const variations = JSON.parse(readFileSync(new URL('./variations.json', import.meta.url), 'utf8')) as Variations;

/** How an article relates to the others: new, a copy of an earlier one under another outlet, or a light rewrite of one. */
export type ArticleKind = 'original' | 'duplicate' | 'rewrite';

export interface GeneratedArticle {
  index: number;
  kind: ArticleKind;
  /** For duplicates and rewrites: the article they copy. */
  copyOf: number | null;
  file: string;
  title: string;
  source: string;
  /** ISO date. */
  published: string;
  format: 'text' | 'markdown';
  text: string;
  /** What joins its paragraphs (rewrites keep it). */
  separator: '\n\n' | '\n';
}

export interface CorpusOptions {
  seed: string;
  /** Share of articles that copy an earlier one word for word (syndication). */
  duplicateShare?: number;
  /** Share of articles that lightly rewrite an earlier one. */
  rewriteShare?: number;
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
const weekdayPattern = new RegExp(`\\b(${weekdays.join('|')})\\b`, 'g');
const monthDayPattern = new RegExp(`\\b(${months}) (\\d{1,2})\\b`, 'g');
const monthBefore = new RegExp(`(?:${months}) $`);
const numberPattern = /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b/g;
const firstPublished = Date.UTC(2025, 10, 15);
const dayMs = 86_400_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Paragraphs that are running prose (not headings, tables, lists or quotes-blocks), which can move or be split. */
function isProse(paragraph: string): boolean {
  return !/^(#|\||[-*+] |\d+\. |>)/.test(paragraph) && /[.!?]["”’)]?$/.test(paragraph);
}

/** Sentence boundaries good enough to swap two sentences of a paragraph (never splits before a lower-case word). */
function splitSentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["”’]?)\s+(?=["“]?[A-Z])/);
}

/** A number changed the way follow-up reports change numbers: small counts shift a little, large ones by up to ±30%. */
function varyNumber(text: string, random: Random): string {
  const value = Number(text.replaceAll(',', ''));
  if (!Number.isFinite(value)) return text;
  const decimals = text.includes('.') ? text.split('.')[1].length : 0;
  let varied: number;
  if (value < 20 && decimals === 0) {
    varied = Math.max(1, value + random.int(-2, 3));
  } else {
    const scaled = value * (0.7 + 0.6 * random.next());
    const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(scaled, 1))) - 1);
    varied = decimals > 0 ? Number(scaled.toFixed(decimals)) : Math.max(1, Math.round(scaled / magnitude) * magnitude);
  }
  const formatted = varied.toFixed(decimals);
  return text.includes(',') ? Number(formatted).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : formatted;
}

/** The replacements that make one article's version of the facts: people, venues, weekdays, dates and numbers. */
class ArticleVariation {
  private readonly names = new Map<string, string>();
  private readonly namePattern: RegExp | null;
  private readonly weekdayShift: number;
  private readonly dayShift: number;
  private readonly numberShare: number;

  constructor(private readonly random: Random) {
    const swap = (person: PersonName, p: number) => {
      if (!random.chance(p)) return;
      const surname = random.pick(variations.surnames);
      this.names.set(person.full, `${random.pick(variations.firstNames)} ${surname}`);
      this.names.set(person.surname, surname);
    };
    for (const person of variations.people) swap(person, 0.35);
    for (const person of variations.leaders) swap(person, 0.08);
    for (const venue of variations.venues) if (random.chance(0.3)) this.names.set(venue, random.pick(variations.replacementVenues));
    const keys = [...this.names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.namePattern = keys.length > 0 ? new RegExp(`\\b(${keys.join('|')})\\b`, 'g') : null;
    this.weekdayShift = random.chance(0.5) ? random.int(1, 6) : 0;
    this.dayShift = random.chance(0.5) ? random.int(-3, 3) : 0;
    this.numberShare = random.chance(0.8) ? 0.6 : 0;
  }

  apply(text: string): string {
    let varied = this.namePattern ? text.replace(this.namePattern, (name) => this.names.get(name) ?? name) : text;
    if (this.weekdayShift > 0) varied = varied.replace(weekdayPattern, (day) => weekdays[(weekdays.indexOf(day) + this.weekdayShift) % 7]);
    if (this.numberShare > 0) {
      varied = varied.replace(numberPattern, (number, offset: number, whole: string) => {
        // Years, clock times and days of a month are left alone; the day shift below moves the last.
        if (/^(19|20)\d\d$/.test(number) || whole[offset + number.length] === ':' || whole[offset - 1] === ':') return number;
        if (monthBefore.test(whole.slice(Math.max(0, offset - 12), offset))) return number;
        return this.random.chance(this.numberShare) ? varyNumber(number, this.random) : number;
      });
    }
    if (this.dayShift !== 0) varied = varied.replace(monthDayPattern, (_, month: string, day: string) => `${month} ${Math.min(28, Math.max(1, Number(day) + this.dayShift))}`);
    return varied;
  }
}

const rewritePatterns = variations.rewrites.map(([from, to]) => [new RegExp(`\\b${escapeRegExp(from)}\\b`, 'g'), to] as const);

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function personName(random: Random): string {
  return `${random.pick(variations.firstNames)} ${random.pick(variations.surnames)}`;
}

/** Generates articles by index: article i is the same on every run with the same seed, and needs none of the others in memory. */
export class CorpusGenerator {
  private readonly seed: string;
  private readonly duplicateShare: number;
  private readonly rewriteShare: number;

  constructor(
    private readonly bases: readonly BaseArticle[],
    options: CorpusOptions,
  ) {
    this.seed = options.seed;
    this.duplicateShare = options.duplicateShare ?? 0.04;
    this.rewriteShare = options.rewriteShare ?? 0.08;
  }

  /** Articles 0 … count-1, one at a time. */
  *articles(count: number, start = 0): Generator<GeneratedArticle> {
    for (let index = start; index < count; index += 1) yield this.article(index);
  }

  article(index: number): GeneratedArticle {
    const random = createRandom(hashSeed(`${this.seed}:kind:${index}`));
    const roll = random.next();
    if (index >= 10 && roll < this.duplicateShare + this.rewriteShare) {
      // Copies follow an earlier article closely, as syndicated and rewritten wire stories do: the article as it was
      // made at that index, which may itself be a copy or a rewrite (made again here, a few steps back at most).
      const copyOf = index - 1 - random.int(0, Math.min(index - 1, 400));
      const original = this.article(copyOf);
      return roll < this.duplicateShare ? this.duplicate(index, original, random) : this.rewrite(index, original, random);
    }
    return this.original(index);
  }

  private fileName(index: number, format: 'text' | 'markdown'): string {
    return `gen-${String(index).padStart(6, '0')}.${format === 'markdown' ? 'md' : 'txt'}`;
  }

  private original(index: number): GeneratedArticle {
    const random = createRandom(hashSeed(`${this.seed}:original:${index}`));
    const base = random.pick(this.bases);
    const variation = new ArticleVariation(random);
    const head = base.paragraphs.slice(0, 2);
    let body = base.paragraphs.slice(2).filter(() => random.chance(0.85));
    if (random.chance(0.5)) {
      // Longer pieces borrow background paragraphs from other coverage of the talks.
      for (let borrowed = random.int(1, 4); borrowed > 0; borrowed -= 1) {
        const prose = random.pick(this.bases).paragraphs.filter(isProse);
        if (prose.length > 0) body.splice(random.int(0, body.length), 0, random.pick(prose));
      }
    }
    if (random.chance(0.1)) body = body.slice(0, 2);
    if (random.chance(0.4) && body.length >= 2) {
      const at = random.int(0, body.length - 2);
      if (isProse(body[at]) && isProse(body[at + 1])) [body[at], body[at + 1]] = [body[at + 1], body[at]];
    }
    if (random.chance(0.25) && body.length > 0) {
      const at = random.int(0, body.length - 1);
      const sentences = splitSentences(body[at]);
      if (isProse(body[at]) && sentences.length >= 3) {
        const swap = random.int(1, sentences.length - 2);
        [sentences[swap], sentences[swap + 1]] = [sentences[swap + 1], sentences[swap]];
        body[at] = sentences.join(' ');
      }
    }
    const paragraphs = [...head, ...body].map((paragraph) => variation.apply(paragraph));
    const outlet = random.pick(variations.outlets);
    if (random.chance(0.6)) {
      const time = `${String(random.int(0, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
      paragraphs.splice(1, 0, random.pick(variations.updateNotes).replace('{time}', time));
    }
    if (random.chance(0.15)) {
      const byline = random.pick(variations.bylines).replace('{name}', personName(random)).replace('{name2}', personName(random));
      paragraphs.splice(1, 0, byline);
    }
    if (random.chance(0.12)) paragraphs.push(random.pick(variations.footers).replace('{outlet}', `${outlet.toLowerCase().replaceAll(' ', '')}.example.com`));
    if (random.chance(0.05)) {
      for (let count = random.int(3, 5); count > 0; count -= 1) paragraphs.push(random.pick(variations.appendedHeadlines));
    }
    return {
      index,
      kind: 'original',
      copyOf: null,
      file: this.fileName(index, base.format),
      title: variation.apply(base.title ?? paragraphs[0]),
      source: outlet,
      published: isoDay(firstPublished + random.int(0, 91) * dayMs),
      format: base.format,
      text: `${paragraphs.join(base.separator)}\n`,
      separator: base.separator,
    };
  }

  private duplicate(index: number, original: GeneratedArticle, random: Random): GeneratedArticle {
    return {
      ...original,
      index,
      kind: 'duplicate',
      copyOf: original.index,
      file: this.fileName(index, original.format),
      source: random.pick(variations.outlets),
      published: isoDay(Date.parse(original.published) + random.int(0, 1) * dayMs),
    };
  }

  private rewrite(index: number, original: GeneratedArticle, random: Random): GeneratedArticle {
    let paragraphs = original.text.trimEnd().split(original.separator);
    if (random.chance(0.5) && paragraphs.length > 4) paragraphs.splice(random.int(2, paragraphs.length - 1), 1);
    if (random.chance(0.5) && paragraphs.length > 4) {
      const at = random.int(2, paragraphs.length - 2);
      [paragraphs[at], paragraphs[at + 1]] = [paragraphs[at + 1], paragraphs[at]];
    }
    paragraphs = paragraphs.map((paragraph) => {
      let rewritten = paragraph;
      for (const [pattern, to] of rewritePatterns) rewritten = rewritten.replace(pattern, (word) => (random.chance(0.5) ? to : word));
      return rewritten;
    });
    return {
      index,
      kind: 'rewrite',
      copyOf: original.index,
      file: this.fileName(index, original.format),
      title: original.title,
      source: random.pick(variations.outlets),
      published: isoDay(Date.parse(original.published) + random.int(0, 2) * dayMs),
      format: original.format,
      text: `${paragraphs.join(original.separator)}\n`,
      separator: original.separator,
    };
  }
}
