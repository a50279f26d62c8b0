// Stories: checking that a requested story exists.
import type { Store } from '../store/store.ts';
import { ApiError } from './errors.ts';

/** A 400 naming the `story` parameter when the store has no such story. */
export async function checkStory(store: Store, storyId: string | undefined): Promise<void> {
  if (storyId !== undefined && !(await store.getStory(storyId))) {
    throw ApiError.badParameters([{ parameter: 'story', message: `no story ${JSON.stringify(storyId)} (see /api/stories)` }]);
  }
}
