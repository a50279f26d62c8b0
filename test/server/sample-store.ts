// A temporary store holding the sample corpus, read and extracted as `parley ingest` does, for the server and browser tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultStages, processRawDocument } from '../../src/extract/index.ts';
import { loadManifest, readInputs } from '../../src/ingest/index.ts';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/index.ts';
import { reconcileDocument } from '../../src/reconcile/index.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const samplesDir = join(repoRoot, 'samples');

export interface SampleStore {
  store: Store;
  kb: Knowledge;
  dir: string;
  /** How many documents the samples gave. */
  documents: number;
  dispose(): Promise<void>;
}

/** A fresh store in a temporary folder with every sample article, feed item and export record in it. */
export async function openSampleStore(): Promise<SampleStore> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-server-'));
  const store = await openStore(join(dir, 'parley.db'));
  const kb = loadKnowledge();
  const inputs = ['articles', 'feeds', 'exports'].map((folder) => join(samplesDir, folder));
  let documents = 0;
  // No feed links are fetched: the tests never leave this machine.
  for await (const result of readInputs(inputs, { manifest: loadManifest(join(samplesDir, 'manifest.json')), fetchFeedLinks: false })) {
    if (!result.ok) throw result.error;
    const doc = processRawDocument(result.doc, defaultStages, { kb });
    await store.putDocument(doc);
    await reconcileDocument(store, doc);
    documents += 1;
  }
  return {
    store,
    kb,
    dir,
    documents,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
