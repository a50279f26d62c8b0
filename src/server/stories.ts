// Stories: checking that a requested story exists, and which documents belong to it.
import type { Store } from '../store/store.ts';
import { ApiError } from './errors.ts';

/** A 400 naming the `story` parameter when the store has no such story. */
export async function checkStory(store: Store, storyId: string | undefined): Promise<void> {
  if (storyId !== undefined && !(await store.getStory(storyId))) {
    throw ApiError.badParameters([{ parameter: 'story', message: `no story ${JSON.stringify(storyId)} (see /api/stories)` }]);
  }
}

/** Ids of the documents reconcile put in story `storyId`, among `documentIds`. */
export async function storyDocumentIds(store: Store, storyId: string, documentIds: readonly string[]): Promise<Set<string>> {
  await checkStory(store, storyId);
  const members = new Set<string>();
  for (const id of documentIds) if ((await store.getReconcileState(id))?.story === storyId) members.add(id);
  return members;
}
