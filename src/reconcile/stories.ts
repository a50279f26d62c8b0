// Groups documents into the negotiations they cover, incrementally: each new document joins the closest recent story or starts one.
import type { Store, StoryRecord, StoryRow } from '../store/store.ts';
import { addDays } from './iso-days.ts';
import type { ReconcileDoc } from './types.ts';

/**
 * Tuning, with why:
 * - parties weigh most: a negotiation is defined by who negotiates; places and the people who
 *   speak for a party help, issues a little (every negotiation has a ceasefire or a deal);
 * - a document joins a story when its feature vector and the story's profile have a cosine of at
 *   least `joinSimilarity`; a Gaza article that mentions a Ukraine envoy in passing stays well below;
 * - stories go quiet: only stories seen within `activeDays` of the document are candidates.
 */
export const storyTuning = {
  weights: { party: 1, place: 0.6, actor: 0.4, issue: 0.5 },
  joinSimilarity: 0.4,
  activeDays: 120,
  /** Features of a document used to look up candidate stories, and to index a story under. */
  lookupFeatures: 10,
  indexFeatures: 6,
  profileFeatures: 80,
  labelParties: 3,
};

/** A document's features (`party:Russia`, `place:Moscow`, `actor:person:…`, `issue:territory`) with unit-length weights. */
export function storyFeatures(doc: ReconcileDoc): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number, times: number) => {
    if (times <= 0) return;
    counts.set(feature, (counts.get(feature) ?? 0) + weight * (1 + Math.log(times)));
  };
  const partyMentions = new Map<string, number>();
  for (const entity of doc.entities) {
    const mentions = Math.max(entity.mentions.length, 1);
    if (entity.kind === 'place') {
      add(`place:${entity.name}`, storyTuning.weights.place, mentions);
      continue;
    }
    if (entity.party === null) continue;
    partyMentions.set(entity.party, (partyMentions.get(entity.party) ?? 0) + mentions);
    if (entity.kind === 'person') add(`actor:${entity.id}`, storyTuning.weights.actor, mentions);
  }
  for (const [party, mentions] of partyMentions) add(`party:${party}`, storyTuning.weights.party, mentions);
  const issues = new Map<string, number>();
  for (const stance of doc.stances) issues.set(stance.issue, (issues.get(stance.issue) ?? 0) + 1);
  for (const [issue, times] of issues) add(`issue:${issue}`, storyTuning.weights.issue, times);
  return normalise(counts);
}

function normalise(vector: Map<string, number>): Map<string, number> {
  const length = Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0));
  if (length === 0) return new Map();
  return new Map([...vector].map(([feature, value]) => [feature, value / length]));
}

export function cosine(a: ReadonlyMap<string, number>, profile: Readonly<Record<string, number>>): number {
  const b = normalise(new Map(Object.entries(profile)));
  let dot = 0;
  for (const [feature, value] of a) dot += value * (b.get(feature) ?? 0);
  return dot;
}

function topFeatures(vector: ReadonlyMap<string, number>, count: number): string[] {
  return [...vector].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, count).map(([feature]) => feature);
}

function featuresOfKind(profile: Record<string, number>, prefix: string): [string, number][] {
  return Object.entries(profile)
    .filter(([feature]) => feature.startsWith(prefix))
    .map(([feature, weight]): [string, number] => [feature.slice(prefix.length), weight])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** "Russia – Ukraine – United States": the main parties, alphabetically; the main places when no party is known. */
export function storyLabel(profile: Record<string, number>): string {
  const parties = featuresOfKind(profile, 'party:').slice(0, storyTuning.labelParties).map(([name]) => name);
  const names = parties.length > 0 ? parties : featuresOfKind(profile, 'place:').slice(0, 2).map(([name]) => name);
  return names.length > 0 ? [...names].sort((a, b) => a.localeCompare(b)).join(' – ') : 'Unlabelled story';
}

function slug(label: string): string {
  return label.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'story';
}

/** The story row for a profile: label, main parties (those weighing at least a quarter of the first), issues and places. */
function storyRow(id: string, profile: Record<string, number>): StoryRow {
  const parties = featuresOfKind(profile, 'party:');
  const top = parties.length > 0 ? parties[0][1] : 0;
  return {
    id,
    label: storyLabel(profile),
    parties: parties.filter(([, weight]) => weight >= top / 4).slice(0, 8).map(([name]) => name),
    issues: featuresOfKind(profile, 'issue:').slice(0, 8).map(([name]) => name),
    places: featuresOfKind(profile, 'place:').slice(0, 5).map(([name]) => name),
    profile,
  };
}

function addToProfile(profile: Record<string, number>, vector: ReadonlyMap<string, number>): Record<string, number> {
  const sum = new Map(Object.entries(profile));
  for (const [feature, value] of vector) sum.set(feature, (sum.get(feature) ?? 0) + value);
  const kept = [...sum].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, storyTuning.profileFeatures);
  return Object.fromEntries(kept.map(([feature, value]) => [feature, Math.round(value * 1e4) / 1e4]));
}

export interface StoryAssignment {
  story: StoryRow;
  /** Features to index the story under. */
  features: string[];
  created: boolean;
  similarity: number | null;
}

async function freshStoryId(store: Store, label: string): Promise<string> {
  const base = slug(label);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await store.getStory(id))) return id;
  }
}

/**
 * The story `doc` belongs to. `sameAs` is the story of a copy or earlier version of the
 * document, which it joins whatever its features say. Returns null for a document with no
 * parties, places or issues and nothing to follow.
 */
export async function assignStory(store: Store, doc: ReconcileDoc, options: { sameAs?: string | null } = {}): Promise<StoryAssignment | null> {
  const vector = storyFeatures(doc);
  const features = topFeatures(vector, storyTuning.indexFeatures);
  if (options.sameAs) {
    const story = await store.getStory(options.sameAs);
    if (story) return { story: storyRow(story.id, addToProfile(story.profile, vector)), features, created: false, similarity: null };
  }
  if (vector.size === 0) return null;
  const published = doc.meta.published;
  const window = published ? { from: addDays(published, -storyTuning.activeDays), to: addDays(published, storyTuning.activeDays) } : {};
  const candidates = await store.findStoryCandidates(topFeatures(vector, storyTuning.lookupFeatures), window);
  let best: { story: StoryRecord; similarity: number } | null = null;
  for (const story of candidates) {
    const similarity = cosine(vector, story.profile);
    if (!best || similarity > best.similarity) best = { story, similarity };
  }
  if (best && best.similarity >= storyTuning.joinSimilarity) {
    return { story: storyRow(best.story.id, addToProfile(best.story.profile, vector)), features, created: false, similarity: best.similarity };
  }
  const profile = addToProfile({}, vector);
  return { story: storyRow(await freshStoryId(store, storyLabel(profile)), profile), features, created: true, similarity: best?.similarity ?? null };
}
