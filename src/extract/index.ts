// The default extraction pipeline: the stages in the order they run.
import type { Stage } from './stage.ts';
import { checkStageOrder } from './pipeline.ts';
import { datesStage } from './dates.ts';
import { quantitiesStage } from './quantities.ts';
import { entityStage } from './entities.ts';
import { quotesStage } from './quotes.ts';
import { stanceStage } from './stances.ts';
import { eventsStage } from './events.ts';

export const defaultStages: readonly Stage[] = [entityStage, datesStage, quantitiesStage, quotesStage, stanceStage, eventsStage];

checkStageOrder(defaultStages);

export { processRawDocument, runStages, checkStageOrder } from './pipeline.ts';
export type { Stage, StageContext } from './stage.ts';
