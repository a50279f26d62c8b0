// The dates stage: finds date expressions by a token scan and resolves each against the publication date, with the tense of its clause.
import type { DateMention, Doc, Message } from '../doc/types.ts';
import { spanOf } from '../doc/span.ts';
import type { Stage } from './stage.ts';
import { findDateCandidates } from './date-candidates.ts';
import { tenseAround } from './date-tense.ts';
import { resolveDateDetailed } from './relative-dates.ts';

export { resolveDateExpression, resolveDateDetailed, type Tense, type ResolveOptions, type DateResolution } from './relative-dates.ts';
export { sentenceTense, tenseAround } from './date-tense.ts';
export { findDateCandidates, type DateCandidate } from './date-candidates.ts';

const POSSESSIVE = /['\u2019]s$/;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface DateFindings {
  dates: DateMention[];
  messages: Message[];
}

/** Every date expression in `doc`, resolved against `doc.meta.published`; weekday contradictions come back as messages. */
export function findDates(doc: Doc): DateFindings {
  const dates: DateMention[] = [];
  const messages: Message[] = [];
  for (const candidate of findDateCandidates(doc.text, doc.tokens)) {
    const span = spanOf(doc.text, candidate.start, candidate.end);
    // "Thursday's talks" names an event, not the clause's time: its day is the nearest one.
    const tense = POSSESSIVE.test(span.text) ? null : tenseAround(doc, candidate.start, candidate.end);
    const { value, weekdayMismatch } = resolveDateDetailed(span.text, doc.meta.published, { tense });
    dates.push({ ...value, span });
    if (weekdayMismatch !== null) {
      messages.push({
        rule: 'dates:weekday-mismatch',
        reason: `"${span.text}": ${weekdayMismatch.resolvedBefore} is not a ${WEEKDAY_NAMES[weekdayMismatch.stated - 1]}; dated ${value.start ?? 'unresolved'}`,
        place: { start: span.start, end: span.end },
        severity: 'warning',
      });
    }
  }
  return { dates, messages };
}

export const datesStage: Stage = {
  name: 'dates',
  requires: ['text', 'sentences', 'tokens'],
  assigns: ['dates'],
  run(doc) {
    const { dates, messages } = findDates(doc);
    return { ...doc, dates, messages: messages.length > 0 ? [...doc.messages, ...messages] : doc.messages };
  },
};
