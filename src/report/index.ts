// Reports as plain objects (brief, positions, timeline, contradictions, changes, show) and their renderers.
export { buildBrief, briefTuning } from './brief.ts';
export { buildPositions, positionTuning } from './positions.ts';
export { buildTimeline, type TimelineOptions } from './timeline.ts';
export { buildContradictions } from './contradictions.ts';
export { buildChanges } from './changes.ts';
export { buildShow, type ShownFact, type ShownReport } from './show.ts';
export { renderBriefMarkdown, escapeMarkdown } from './render-markdown.ts';
export { renderBriefHtml, escapeHtml } from './render-html.ts';
export { renderPositionsText, renderTimelineText, renderShowText } from './render-text.ts';
export type * from './types.ts';
export { toStorySummary } from './merged-views.ts';
