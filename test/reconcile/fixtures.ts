// Hand-built articles for the reconcile and report tests: invented sentences, facts written by hand, every span cut from its text.
import { spanOf } from '../../src/doc/span.ts';
import type { Doc, Entity, EntityKind, NegotiationEvent, Quantity, Quote, Span, Stance } from '../../src/doc/types.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { reconcileDocument, type ReconcileResult } from '../../src/reconcile/index.ts';
import { buildDoc, evidenceOf } from '../store/fixtures.ts';

export interface ArticleSpec {
  slug: string;
  source: string;
  published: string | null;
  title?: string;
  sentences: string[];
}

/** An article with one paragraph per sentence, at a URL of its own. */
export function article(spec: ArticleSpec): Doc {
  return buildDoc({
    paragraphs: spec.sentences.map((sentence) => [sentence]),
    url: `https://${spec.source.toLowerCase().replace(/[^a-z]+/g, '-')}.example.org/${spec.slug}`,
    source: spec.source,
    published: spec.published,
    title: spec.title ?? spec.slug.replace(/-/g, ' '),
  });
}

/** Every occurrence of `needle` in the doc's text. */
export function allSpans(doc: Doc, needle: string): Span[] {
  const spans: Span[] = [];
  for (let at = doc.text.indexOf(needle); at >= 0; at = doc.text.indexOf(needle, at + needle.length)) spans.push(spanOf(doc.text, at, at + needle.length));
  return spans;
}

/** Adds an entity whose mentions are every occurrence of each of `needles`. */
export function addEntity(doc: Doc, fields: { id: string; name: string; kind: EntityKind; party: string | null; roles?: string[] }, needles: string[]): Doc {
  const mentions = needles.flatMap((needle) => allSpans(doc, needle)).sort((a, b) => a.start - b.start);
  if (mentions.length === 0) throw new Error(`fixture: none of ${needles.join(', ')} occurs in ${doc.meta.title}`);
  const entity: Entity = { ...fields, roles: fields.roles ?? [], aliases: [], mentions };
  doc.entities.push(entity);
  return doc;
}

/** Adds one country entity per party, mentioned wherever any of its names occurs. */
export function addParties(doc: Doc, parties: Record<string, string[]>): Doc {
  for (const [party, needles] of Object.entries(parties)) {
    addEntity(doc, { id: `country:${party.toLowerCase().replace(/\s+/g, '-')}`, name: party, kind: 'country', party }, needles);
  }
  return doc;
}

export function addEvent(doc: Doc, needle: string, fields: Partial<NegotiationEvent> & Pick<NegotiationEvent, 'type' | 'status' | 'parties'>): Doc {
  doc.events.push({ participants: [], place: null, date: null, duration: null, outcome: null, ...fields, evidence: evidenceOf(doc, needle) });
  return doc;
}

export function addStance(doc: Doc, needle: string, fields: Partial<Stance> & Pick<Stance, 'party' | 'issue' | 'act'>): Doc {
  doc.stances.push({ actor: null, summary: needle, confidence: 0.8, ...fields, evidence: evidenceOf(doc, needle) });
  return doc;
}

export function addQuantity(doc: Doc, text: string, fields: Omit<Quantity, 'text' | 'evidence'>): Doc {
  doc.quantities.push({ ...fields, text, evidence: evidenceOf(doc, text) });
  return doc;
}

export function addQuote(doc: Doc, text: string, fields: Pick<Quote, 'speaker' | 'speakerName'>): Doc {
  doc.quotes.push({ ...fields, text, evidence: evidenceOf(doc, text) });
  return doc;
}

/** A fresh in-memory store. */
export function memoryStore(): Promise<Store> {
  return openSqliteStore(':memory:');
}

/** Stores and reconciles each document in turn, as `parley ingest` does. */
export async function ingest(store: Store, ...docs: Doc[]): Promise<ReconcileResult[]> {
  const results: ReconcileResult[] = [];
  for (const doc of docs) {
    await store.putDocument(doc);
    results.push(await reconcileDocument(store, doc));
  }
  return results;
}

// ── A story about envoys in Moscow, told by a wire, a rewrite of the wire and an outlet of its own. ──

export const moscowWireSentences = [
  'Russian President Vladimir Putin received the American envoys Daniel Brooks and Mark Ellison in Moscow on Tuesday for talks that ran late into the evening.',
  'The meeting lasted close to five hours, Kremlin adviser Anatoly Verin told journalists afterwards.',
  'Verin said the two delegations had agreed on some points of the draft, while the question of territory remained open.',
  'Ukraine was not represented, but President Volodymyr Zelensky said Kyiv expected a full account from Washington.',
  'Officials in Kyiv repeated that they would not hand over land that Russian troops have failed to capture.',
  'The envoys are expected to brief Ukrainian negotiators later in the week.',
];

export const moscowRewriteSentences = [
  'On Tuesday, Russian President Vladimir Putin hosted the American envoys Daniel Brooks and Mark Ellison in Moscow for talks that went on late into the evening.',
  'The meeting lasted close to five hours, Kremlin adviser Anatoly Verin told reporters afterwards.',
  'Verin said the two delegations had agreed on some points of the draft, but the question of territory was still open.',
  'Ukraine had no one at the table, although President Volodymyr Zelensky said Kyiv expected a full account from Washington.',
  'Officials in Kyiv said again that they would not hand over land that Russian troops have failed to capture.',
  'The envoys are expected to brief Ukrainian negotiators later this week.',
];

export const moscowOwnSentences = [
  'A five-hour session at the Kremlin between Vladimir Putin and two US negotiators produced no agreement on how to end the war, according to people briefed on the discussions.',
  'Daniel Brooks, who led the American side, flew out of Moscow on Wednesday morning without speaking to the press.',
  'Analysts in Kyiv warned that the gap over the eastern regions was as wide as ever.',
  "Ukraine's chief negotiator said his team would meet the Americans in Miami before the weekend.",
];

const ukraineParties = {
  Russia: ['Russian', 'Moscow', 'Kremlin', 'Putin'],
  Ukraine: ['Ukraine', 'Ukrainian', 'Kyiv', 'Zelensky'],
  'United States': ['American', 'Washington', 'US ', 'Brooks', 'Ellison'],
};

/** The wire's account: talks in Moscow on 2 December, five hours, with a territory stance. */
export function moscowWire(): Doc {
  const doc = article({ slug: 'moscow-talks', source: 'Lakeside Wire', published: '2025-12-03', sentences: moscowWireSentences });
  addParties(doc, ukraineParties);
  addEntity(doc, { id: 'place:moscow', name: 'Moscow', kind: 'place', party: 'Russia' }, ['Moscow']);
  addEntity(doc, { id: 'person:daniel-brooks', name: 'Daniel Brooks', kind: 'person', party: 'United States' }, ['Daniel Brooks']);
  addEvent(doc, 'received the American envoys', {
    type: 'talks', status: 'happened', parties: ['Russia', 'United States'], participants: ['person:vladimir-putin', 'person:daniel-brooks'],
    place: 'Moscow', date: { start: '2025-12-02', end: '2025-12-02', text: 'on Tuesday', precision: 'day' }, duration: 'PT5H',
  });
  addStance(doc, 'would not hand over land', { party: 'Ukraine', issue: 'territory', act: 'reject' });
  addQuote(doc, 'agreed on some points of the draft', { speaker: 'person:anatoly-verin', speakerName: 'Anatoly Verin' });
  return doc;
}

/** A light rewrite of the wire by another outlet: same facts, same quotes. */
export function moscowRewrite(): Doc {
  const doc = article({ slug: 'putin-hosts-envoys', source: 'Copy Desk Daily', published: '2025-12-03', sentences: moscowRewriteSentences });
  addParties(doc, ukraineParties);
  addEntity(doc, { id: 'place:moscow', name: 'Moscow', kind: 'place', party: 'Russia' }, ['Moscow']);
  addEntity(doc, { id: 'person:daniel-brooks', name: 'Daniel Brooks', kind: 'person', party: 'United States' }, ['Daniel Brooks']);
  addEvent(doc, 'hosted the American envoys', {
    type: 'talks', status: 'happened', parties: ['Russia', 'United States'], participants: ['person:vladimir-putin', 'person:daniel-brooks'],
    place: 'Moscow', date: { start: '2025-12-02', end: '2025-12-02', text: 'On Tuesday', precision: 'day' }, duration: 'PT5H',
  });
  addStance(doc, 'would not hand over land', { party: 'Ukraine', issue: 'territory', act: 'reject' });
  addQuote(doc, 'agreed on some points of the draft', { speaker: 'person:anatoly-verin', speakerName: 'Anatoly Verin' });
  return doc;
}

/** An outlet's own report of the same meeting, a day later: no date in the sentence, the same five hours. */
export function moscowOwnReport(): Doc {
  const doc = article({ slug: 'kremlin-session-no-deal', source: 'Harbour Courier', published: '2025-12-04', sentences: moscowOwnSentences });
  addParties(doc, { Russia: ['Kremlin', 'Putin', 'Moscow'], Ukraine: ['Ukraine', 'Kyiv'], 'United States': ['US ', 'American', 'Brooks'] });
  addEntity(doc, { id: 'place:moscow', name: 'Moscow', kind: 'place', party: 'Russia' }, ['Moscow']);
  addEvent(doc, 'A five-hour session', {
    type: 'meeting', status: 'happened', parties: ['Russia', 'United States'], participants: ['person:vladimir-putin'], place: null, duration: 'PT5H',
  });
  addStance(doc, 'the gap over the eastern regions', { party: 'Ukraine', issue: 'territory', act: 'reject', confidence: 0.6 });
  return doc;
}

// ── An unrelated negotiation that shares a mediator and some vocabulary. ──

export function cairoTalks(): Doc {
  const doc = article({
    slug: 'cairo-phase-two',
    source: 'Lakeside Wire',
    published: '2025-12-02',
    sentences: [
      'A Hamas delegation held talks with Egyptian mediators in Cairo on Monday about the second phase of the Gaza ceasefire.',
      'Israel has said the group must disarm before any further pull-back of its forces from the strip.',
      'Qatar and Egypt are pressing both sides to agree on a plan for an international stabilisation force.',
      'A Hamas official said the movement would not give up its weapons while the occupation continued.',
    ],
  });
  addParties(doc, { Hamas: ['Hamas'], Egypt: ['Egypt', 'Egyptian', 'Cairo'], Israel: ['Israel'], Qatar: ['Qatar'] });
  addEntity(doc, { id: 'place:gaza', name: 'Gaza', kind: 'place', party: null }, ['Gaza']);
  addEvent(doc, 'held talks with Egyptian mediators', {
    type: 'talks', status: 'happened', parties: ['Hamas', 'Egypt'], place: 'Cairo', date: { start: '2025-12-01', end: '2025-12-01', text: 'on Monday', precision: 'day' },
  });
  addStance(doc, 'would not give up its weapons', { party: 'Hamas', issue: 'military-limits', act: 'reject' });
  return doc;
}

export function dohaForum(): Doc {
  const doc = article({
    slug: 'doha-forum-truce',
    source: 'Harbour Courier',
    published: '2025-12-07',
    sentences: [
      "Qatar's prime minister told a conference in Doha that the Gaza truce had reached a fragile point.",
      'Egypt and Qatar urged Israel and Hamas to move to the next stage of the agreement.',
      'Separately, US envoy Daniel Brooks spent several days in Miami with Ukrainian negotiators on a different track.',
      'Hamas said it could accept a long truce if Israeli forces withdrew completely.',
    ],
  });
  addParties(doc, { Qatar: ['Qatar'], Egypt: ['Egypt'], Israel: ['Israel'], Hamas: ['Hamas'], 'United States': ['US '], Ukraine: ['Ukrainian'] });
  addEntity(doc, { id: 'place:gaza', name: 'Gaza', kind: 'place', party: null }, ['Gaza']);
  addEntity(doc, { id: 'person:daniel-brooks', name: 'Daniel Brooks', kind: 'person', party: 'United States' }, ['Daniel Brooks']);
  addStance(doc, 'could accept a long truce', { party: 'Hamas', issue: 'ceasefire', act: 'accept' });
  return doc;
}
