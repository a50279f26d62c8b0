// Finds the stored document a new one copies or rewrites, from MinHash sketches and LSH candidates.
import type { DocumentSketch, SketchCandidate } from '../store/store.ts';
import { bandKeys, estimateContainment, estimateJaccard, minhashSignature } from './minhash.ts';
import { shingleHashes } from './shingles.ts';

/**
 * When two texts count as one source. A light rewrite of a wire story keeps about a third of its
 * three-word shingles (Jaccard ≈ 0.3); two outlets reporting the same meeting independently share
 * well under a tenth. A short text mostly contained in a longer one (a lede republished, a
 * padded template around the same copy) counts too, but only with enough agreeing hashes for
 * the containment estimate to mean something. Texts of a couple of sentences share a stock
 * phrase easily and their estimates are noisy, so below `minShingles` only a close copy counts.
 */
export const nearDuplicateThresholds = { jaccard: 0.2, containment: 0.5, minJaccardForContainment: 0.06, minShingles: 40, shortTextJaccard: 0.5 };

/**
 * At most this many LSH candidates are compared, those sharing the most bands first, then the
 * most recently stored. Stock phrases ("said in a statement") make unrelated articles share a
 * band now and then, so on a large store the candidates of one band grow with the corpus; a
 * copy or rewrite shares several bands (and usually arrives within days), so it stays among the
 * first few dozen while the cost per document stays flat. (On 10,000 generated articles, 40
 * candidates gave every document the source group and story that unbounded reading gives.)
 */
export const candidateLimit = 60;

export interface NearDuplicate {
  documentId: string;
  sourceGroup: string;
  story: string | null;
  jaccard: number;
  containment: number;
}

/** The sketch of a cleaned text, or null when it has no words. */
export function sketchText(text: string): DocumentSketch | null {
  const shingles = shingleHashes(text);
  if (shingles.length === 0) return null;
  const signature = minhashSignature(shingles);
  return { shingles: shingles.length, signature, bandKeys: bandKeys(signature) };
}

/** The candidate most similar to `sketch` that passes the thresholds, or null. */
export function bestNearDuplicate(sketch: DocumentSketch, candidates: readonly SketchCandidate[], exclude: ReadonlySet<string> = new Set()): NearDuplicate | null {
  let best: NearDuplicate | null = null;
  for (const candidate of candidates) {
    if (exclude.has(candidate.documentId)) continue;
    const jaccard = estimateJaccard(sketch.signature, candidate.signature);
    const containment = estimateContainment(jaccard, sketch.shingles, candidate.shingles);
    const short = Math.min(sketch.shingles, candidate.shingles) < nearDuplicateThresholds.minShingles;
    const similar = short
      ? jaccard >= nearDuplicateThresholds.shortTextJaccard
      : jaccard >= nearDuplicateThresholds.jaccard ||
        (jaccard >= nearDuplicateThresholds.minJaccardForContainment && containment >= nearDuplicateThresholds.containment);
    if (!similar) continue;
    if (!best || jaccard > best.jaccard || (jaccard === best.jaccard && candidate.documentId < best.documentId)) {
      best = { documentId: candidate.documentId, sourceGroup: candidate.sourceGroup, story: candidate.story, jaccard, containment };
    }
  }
  return best;
}
