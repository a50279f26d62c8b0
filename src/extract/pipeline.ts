// Runs the extraction stages over a Doc in order, checking each stage's declared needs.
import type { Doc, RawDocument } from '../doc/types.ts';
import { buildDoc } from '../text/index.ts';
import type { Stage, StageContext } from './stage.ts';

/** Fields the text stage assigns before any extraction stage runs. */
const TEXT_FIELDS: readonly (keyof Doc)[] = ['id', 'raw', 'meta', 'text', 'sourceMap', 'removed', 'headings', 'sentences', 'tokens', 'messages'];

/** Checks at start-up that every stage's `requires` is assigned by the text stage or an earlier stage. */
export function checkStageOrder(stages: readonly Stage[]): void {
  const assigned = new Set<keyof Doc>(TEXT_FIELDS);
  for (const stage of stages) {
    const missing = stage.requires.filter((field) => !assigned.has(field));
    if (missing.length > 0) {
      throw new Error(`stage '${stage.name}' requires ${missing.join(', ')}, which no earlier stage assigns`);
    }
    for (const field of stage.assigns) assigned.add(field);
  }
}

/** Runs `stages` over `doc`, in order. */
export function runStages(doc: Doc, stages: readonly Stage[], ctx: StageContext): Doc {
  let current = doc;
  for (const stage of stages) current = stage.run(current, ctx);
  return current;
}

/** Cleans a raw document and runs the extraction stages over it. */
export function processRawDocument(raw: RawDocument, stages: readonly Stage[], ctx: StageContext): Doc {
  return runStages(buildDoc(raw), stages, ctx);
}
