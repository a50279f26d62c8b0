// Parameters several endpoints share: paging, publication-date window, outlet and story.
import { dateParam, integerParam, textParam } from '../params.ts';

export const limitParam = (defaultLimit: number, max = 500) =>
  integerParam({ description: 'How many items to return.', min: 1, max, default: defaultLimit });

export const offsetParam = integerParam({ description: 'How many items to skip (for paging; see `next`).', min: 0, max: 1_000_000, default: 0 });

export const sinceParam = dateParam({ description: 'Only documents published on or after this date (YYYY-MM-DD).' });

export const untilParam = dateParam({ description: 'Only documents published on or before this date (YYYY-MM-DD).' });

export const sourceParam = textParam({ description: 'Only documents from this outlet (as stored, e.g. `cgtn.com`).' });

export const storyParam = textParam({ description: 'Only documents of this story (an id from `/api/stories`).' });
