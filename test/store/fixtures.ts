// Hand-built Docs for the store tests: invented sentences about invented envoys, every span cut from the text it points into.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { spanOf } from '../../src/doc/span.ts';
import type { Doc, Entity, SourceKind, Span } from '../../src/doc/types.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { ReconcileUpdate, Store } from '../../src/store/store.ts';

export interface DocSpec {
  /** Paragraphs of sentences; sentences are joined by a space, paragraphs by a blank line. */
  paragraphs: string[][];
  /** A heading line before the first paragraph (structure, not a sentence). */
  heading?: string;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  file?: string | null;
  published?: string | null;
  kind?: SourceKind;
}

const byline = 'By Test Writer';

/** A Doc with text, sentences and metadata but no facts; its id hashes the text with its URL or file. */
export function buildDoc(spec: DocSpec): Doc {
  const sentences: { start: number; end: number }[] = [];
  const headings: Span[] = [];
  let text = '';
  if (spec.heading) {
    headings.push({ start: 0, end: spec.heading.length, text: spec.heading });
    text = spec.heading;
  }
  for (const paragraph of spec.paragraphs) {
    if (text) text += '\n\n';
    paragraph.forEach((sentence, i) => {
      if (i > 0) text += ' ';
      sentences.push({ start: text.length, end: text.length + sentence.length });
      text += sentence;
    });
  }
  const url = spec.url ?? null;
  const file = spec.file === undefined ? (url ? null : 'article.txt') : spec.file;
  const meta = {
    title: spec.title === undefined ? 'Talks resume' : spec.title,
    byline: 'Test Writer',
    source: spec.source === undefined ? 'example.org' : spec.source,
    url,
    file,
    published: spec.published === undefined ? '2025-11-27' : spec.published,
    language: 'en',
  };
  const content = `${byline}\n\n${text}`;
  const contentOffset = byline.length + 2;
  return {
    id: createHash('sha256').update(`${url ?? file ?? ''}\n${text}`).digest('hex').slice(0, 24),
    raw: {
      origin: url ?? `corpus/${file ?? 'stdin'}`,
      kind: spec.kind ?? (url ? 'url' : 'file'),
      format: 'text',
      content,
      original: null,
      meta,
      messages: [{ rule: 'ingest:manifest-date', reason: 'publication date taken from the manifest', severity: 'info' }],
    },
    meta,
    text,
    sourceMap: [{ textStart: 0, sourceStart: contentOffset, length: text.length }],
    removed: [{ kind: 'byline', sourceStart: 0, sourceEnd: byline.length, text: byline }],
    headings,
    sentences,
    tokens: [],
    messages: [],
    entities: [],
    dates: [],
    quotes: [],
    quantities: [],
    stances: [],
    events: [],
  };
}

/** The span of the `occurrence`-th (0-based) appearance of `needle` in the doc's text. */
export function spanIn(doc: Doc, needle: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = doc.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return spanOf(doc.text, at, at + needle.length);
}

/** The sentence containing `span`, as evidence. */
export function sentenceAround(doc: Doc, span: Span): Span {
  const sentence = doc.sentences.find((s) => s.start <= span.start && span.end <= s.end);
  if (!sentence) throw new Error(`fixture: no sentence contains ${span.start}..${span.end}`);
  return spanOf(doc.text, sentence.start, sentence.end);
}

/** The sentence containing the first appearance of `needle`, as evidence. */
export function evidenceOf(doc: Doc, needle: string): Span {
  return sentenceAround(doc, spanIn(doc, needle));
}

function entity(doc: Doc, fields: Omit<Entity, 'mentions'>, mentions: [string, number?][]): Entity {
  return { ...fields, mentions: mentions.map(([needle, occurrence]) => spanIn(doc, needle, occurrence)) };
}

export const negotiationParagraphs = [
  [
    'Envoys from Russia and Ukraine met in Geneva on Tuesday for five hours of talks brokered by the United States.',
    'Kremlin aide Anatoly Verin said the session was "useful but far from a breakthrough".',
  ],
  [
    'Ukraine rejected any demand to withdraw its troops from the eastern regions, negotiator Olena Marchuk told reporters.',
    "The draft would cap Ukraine's army at 600,000 troops and set up a demilitarised zone along the front line.",
  ],
  [
    'US special envoy Daniel Brooks said both delegations agreed to meet again next week in Istanbul.',
    'Kyiv wants security guarantees modelled on the collective defence clause of NATO.',
  ],
];

/** A rich document: every kind of fact, with evidence, dates with and without precision, optional stance flags present and absent. */
export function negotiationDoc(spec: Partial<DocSpec> = {}): Doc {
  const doc = buildDoc({ heading: 'Geneva round', paragraphs: negotiationParagraphs, url: 'https://news.example.org/2025/11/geneva-round', ...spec });
  doc.messages = [{ rule: 'text:guessed-paragraphs', reason: 'paragraph breaks inferred from blank lines', severity: 'info', place: { start: 0, end: 12 } }];
  doc.entities = [
    entity(doc, { id: 'country:russia', name: 'Russia', kind: 'country', party: 'Russia', roles: [], aliases: ['Kremlin'] }, [['Russia'], ['Kremlin']]),
    entity(doc, { id: 'country:ukraine', name: 'Ukraine', kind: 'country', party: 'Ukraine', roles: [], aliases: ['Kyiv'] }, [
      ['Ukraine', 0],
      ['Ukraine', 1],
      ['Ukraine', 2],
      ['Kyiv'],
    ]),
    entity(doc, { id: 'country:united-states', name: 'United States', kind: 'country', party: 'United States', roles: [], aliases: ['US'] }, [
      ['United States'],
      ['US'],
    ]),
    entity(doc, { id: 'person:anatoly-verin', name: 'Anatoly Verin', kind: 'person', party: 'Russia', roles: ['Kremlin aide'], aliases: ['Verin'] }, [
      ['Anatoly Verin'],
    ]),
    entity(doc, { id: 'person:olena-marchuk', name: 'Olena Marchuk', kind: 'person', party: 'Ukraine', roles: ['negotiator'], aliases: [] }, [
      ['Olena Marchuk'],
    ]),
    entity(doc, { id: 'person:daniel-brooks', name: 'Daniel Brooks', kind: 'person', party: 'United States', roles: ['special envoy'], aliases: [] }, [
      ['Daniel Brooks'],
    ]),
    entity(doc, { id: 'place:geneva', name: 'Geneva', kind: 'place', party: null, roles: [], aliases: [] }, [['Geneva', 1]]),
  ];
  doc.dates = [
    { start: '2025-11-25', end: '2025-11-25', text: 'on Tuesday', precision: 'day', span: spanIn(doc, 'on Tuesday') },
    { start: '2025-12-01', end: '2025-12-07', text: 'next week', span: spanIn(doc, 'next week') },
  ];
  doc.quotes = [
    { speaker: 'person:anatoly-verin', speakerName: 'Anatoly Verin', text: 'useful but far from a breakthrough', evidence: evidenceOf(doc, 'useful but far') },
  ];
  doc.quantities = [
    { value: 5, unit: 'hours', about: 'length of the talks', text: 'five hours', evidence: evidenceOf(doc, 'five hours') },
    { value: 600000, unit: 'troops', about: 'army cap', text: '600,000 troops', evidence: evidenceOf(doc, '600,000 troops') },
  ];
  doc.stances = [
    {
      party: 'Ukraine', actor: 'person:olena-marchuk', issue: 'territory', act: 'reject',
      summary: 'rejects withdrawing troops from the eastern regions', evidence: evidenceOf(doc, 'withdraw its troops'), confidence: 0.8, negated: false,
    },
    {
      party: 'Ukraine', actor: null, issue: 'security-guarantees', act: 'demand',
      summary: 'wants guarantees like a collective defence clause', evidence: evidenceOf(doc, 'security guarantees'), confidence: 0.7, hedged: true,
    },
    {
      party: 'United States', actor: null, issue: 'military-limits', act: 'propose',
      summary: 'draft caps the army at 600,000', evidence: evidenceOf(doc, 'would cap'), confidence: 0.5,
    },
  ];
  doc.events = [
    {
      type: 'talks', status: 'happened', parties: ['Russia', 'Ukraine', 'United States'], participants: [], place: 'Geneva',
      date: { start: '2025-11-25', end: '2025-11-25', text: 'on Tuesday', precision: 'day' }, duration: 'PT5H', outcome: 'no breakthrough',
      evidence: evidenceOf(doc, 'Envoys from'),
    },
    {
      type: 'meeting', status: 'planned', parties: ['Russia', 'Ukraine'], participants: ['person:daniel-brooks'], place: 'Istanbul',
      date: { start: '2025-12-01', end: '2025-12-07', text: 'next week' }, duration: null, outcome: null,
      evidence: evidenceOf(doc, 'meet again'),
    },
    {
      type: 'statement', status: 'happened', parties: ['Ukraine'], participants: ['person:olena-marchuk'], place: null,
      date: null, duration: null, outcome: null, evidence: evidenceOf(doc, 'told reporters'),
    },
  ];
  return doc;
}

/** A simple document with no facts, built from a few sentences. */
export function plainDoc(sentences: string[], spec: Partial<DocSpec> = {}): Doc {
  return buildDoc({ paragraphs: [sentences], ...spec });
}

/**
 * The `n`-th of a family of formulaic documents with many sentences and facts,
 * for bulk and crash tests; the same `n` always gives the same Doc (ingest time aside).
 */
export function generatedDoc(n: number, options: { sentences?: number } = {}): Doc {
  const count = options.sentences ?? 40;
  const paragraph: string[] = [];
  for (let k = 0; k < count; k++) {
    paragraph.push(
      k % 3 === 2
        ? `Mediator Ines Calder said "point ${k + 1} still needs work" after round ${n}.`
        : `In round ${n}, delegates from Russia and Ukraine spent ${k + 2} hours on point ${k + 1} of the plan.`,
    );
  }
  const doc = buildDoc({ paragraphs: [paragraph], file: `round-${n}.txt`, title: `Round ${n}`, source: `outlet-${n % 3}.example`, published: '2025-12-01' });
  const russia: Span[] = [];
  const ukraine: Span[] = [];
  const calder: Span[] = [];
  doc.sentences.forEach((sentence, k) => {
    const text = doc.text.slice(sentence.start, sentence.end);
    const evidence = spanOf(doc.text, sentence.start, sentence.end);
    const at = (needle: string) => spanOf(doc.text, sentence.start + text.indexOf(needle), sentence.start + text.indexOf(needle) + needle.length);
    if (k % 3 === 2) {
      calder.push(at('Ines Calder'));
      doc.quotes.push({ speaker: 'person:ines-calder', speakerName: 'Ines Calder', text: `point ${k + 1} still needs work`, evidence });
      return;
    }
    russia.push(at('Russia'));
    ukraine.push(at('Ukraine'));
    doc.quantities.push({ value: k + 2, unit: 'hours', about: 'time spent', text: `${k + 2} hours`, evidence });
    doc.stances.push({ party: k % 2 ? 'Russia' : 'Ukraine', actor: null, issue: 'peace-plan', act: k % 2 ? 'oppose' : 'support', summary: `point ${k + 1}`, evidence, confidence: 0.6 });
    if (k % 4 === 0) {
      doc.events.push({ type: 'talks', status: 'happened', parties: ['Russia', 'Ukraine'], participants: [], place: null, date: null, duration: `PT${k + 2}H`, outcome: null, evidence });
    }
  });
  doc.entities = [
    { id: 'country:russia', name: 'Russia', kind: 'country', party: 'Russia', roles: [], aliases: [], mentions: russia },
    { id: 'country:ukraine', name: 'Ukraine', kind: 'country', party: 'Ukraine', roles: [], aliases: [], mentions: ukraine },
    { id: 'person:ines-calder', name: 'Ines Calder', kind: 'person', party: null, roles: ['mediator'], aliases: [], mentions: calder },
  ];
  return doc;
}

function withConnection<T>(path: string, options: Database.Options, use: (db: Database.Database) => T): T {
  const db = new Database(path, options);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** What `read` finds in the database file at `path` through a read-only SQLite connection of its own (the rows themselves). */
export function readDatabase<T>(path: string, read: (db: Database.Database) => T): T {
  return withConnection(path, { readonly: true }, read);
}

/** Runs `change` on the database file at `path` through a connection of its own, as another program editing the file would. */
export function changeDatabase(path: string, change: (db: Database.Database) => void): void {
  withConnection(path, {}, change);
}

/** What `read` finds through a new connection to the store file at `path`: the database itself, no connection's memory. */
export async function readFresh<T>(path: string, read: (store: Store) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(path);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

/** A reconcile update of `doc` that changes nothing but what `fields` give: its own source group, no story, no sketch. */
export function reconcileUpdate(doc: Doc, fields: Partial<ReconcileUpdate> = {}): ReconcileUpdate {
  return { documentId: doc.id, sourceGroup: doc.id, story: null, sketch: null, stories: [], storyFeatures: [], facts: [], members: [], contradictions: [], resolved: [], ...fields };
}
