// Across documents: near-duplicates and source groups, stories, merged facts, contradictions.
export { reconcileDocument, reconcilePending, type ReconcileResult } from './reconcile-document.ts';
export type { ReconcileDoc } from './types.ts';
export { sketchText, bestNearDuplicate, nearDuplicateThresholds, type NearDuplicate } from './near-duplicates.ts';
export { minhashSignature, bandKeys, estimateJaccard, estimateContainment, signatureLength, bandCount, rowsPerBand } from './minhash.ts';
export { shingleHashes, wordsOf, shingleSize } from './shingles.ts';
export { assignStory, storyFeatures, storyLabel, storyTuning, type StoryAssignment } from './stories.ts';
export { eventReport, matchScore, deriveEvent, eventTuning, typeGroupOf, type EventReport } from './merged-events.ts';
export { stanceKey, quantityKey, quoteKey } from './merged-keyed.ts';
export { measureOf } from './measures.ts';
export { contradictionTuning, eventLabel, stancePolarity } from './contradictions.ts';
