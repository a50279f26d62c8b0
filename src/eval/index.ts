// Evaluation: scoring an extraction against gold annotations by the rules of EVALUATION.md.
export { scoreExtraction, documentKey, samePerson, type EvalReport, type EvalMetrics, type EvalFinding, type EvalCategory, type FactScore } from './score.ts';
export { parseGold, parsePrediction, type GoldDocument, type PredictedDocument } from './schema.ts';
export { readGoldFiles, readPredictionFile } from './files.ts';
export { formatScoreTable, formatFindings } from './table.ts';
export { normalizeText, canonicalParty, partyMatches } from './normalize.ts';
export { dateMatches, parseDay } from './dates.ts';
