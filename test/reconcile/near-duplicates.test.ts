// Rewrites count once: MinHash sketches find the copy, an independent report of the same event stays a second source.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandKeys, bestNearDuplicate, estimateContainment, estimateJaccard, minhashSignature, shingleHashes, sketchText } from '../../src/reconcile/index.ts';
import { wordsOf } from '../../src/reconcile/shingles.ts';
import { buildTimeline } from '../../src/report/index.ts';
import { ingest, memoryStore, moscowOwnReport, moscowOwnSentences, moscowRewrite, moscowRewriteSentences, moscowWire, moscowWireSentences } from './fixtures.ts';

function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  const left = new Set(a);
  const shared = [...new Set(b)].filter((hash) => left.has(hash)).length;
  return shared / (left.size + new Set(b).size - shared);
}

describe('MinHash sketches', () => {
  const wire = moscowWireSentences.join(' ');
  const rewrite = moscowRewriteSentences.join(' ');
  const own = moscowOwnSentences.join(' ');

  it('ignore case, accents and punctuation when cutting shingles', () => {
    assert.deepEqual(shingleHashes('Talks in Genève, on Monday!'), shingleHashes('talks in geneve on monday'));
    assert.equal(shingleHashes('').length, 0);
    assert.equal(shingleHashes('one two').length, 1);
  });

  it('cut plain English text into the words the Unicode reading finds', () => {
    // ASCII text with typographic quotes and dashes takes a shorter path; accents and ligatures take the full one.
    const unicodeWords = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const text of ['The envoy’s “final” offer — 28 points – was REJECTED.', 'it\'s 9am; x-ray_2', 'Zelenskyy’s café, a ﬁne naïve ½ plan', '']) {
      assert.deepEqual(wordsOf(text), unicodeWords(text), text);
    }
  });

  it('estimate Jaccard similarity close to the exact value', () => {
    for (const [a, b] of [[wire, rewrite], [wire, own], [rewrite, own]]) {
      const exact = exactJaccard(shingleHashes(a), shingleHashes(b));
      const estimate = estimateJaccard(minhashSignature(shingleHashes(a)), minhashSignature(shingleHashes(b)));
      assert.ok(Math.abs(exact - estimate) < 0.12, `estimate ${estimate} too far from ${exact}`);
    }
    const same = minhashSignature(shingleHashes(wire));
    assert.equal(estimateJaccard(same, minhashSignature(shingleHashes(wire))), 1);
    assert.deepEqual(bandKeys(same), bandKeys(minhashSignature(shingleHashes(wire))));
  });

  it('estimate containment from Jaccard and set sizes', () => {
    assert.equal(estimateContainment(1, 50, 50), 1);
    assert.equal(estimateContainment(0, 50, 80), 0);
    // A 20-shingle text inside a 100-shingle one: J = 20/100, containment 1.
    assert.ok(Math.abs(estimateContainment(0.2, 20, 100) - 1) < 1e-9);
  });

  it('pick the rewrite as a near-duplicate of the wire, and not the independent report', () => {
    const wireSketch = sketchText(wire);
    const rewriteSketch = sketchText(rewrite);
    const ownSketch = sketchText(own);
    assert.ok(wireSketch && rewriteSketch && ownSketch);
    const candidates = [
      { documentId: 'rewrite', sharedBands: 1, shingles: rewriteSketch.shingles, signature: rewriteSketch.signature, sourceGroup: 'rewrite', story: null },
      { documentId: 'own', sharedBands: 1, shingles: ownSketch.shingles, signature: ownSketch.signature, sourceGroup: 'own', story: null },
    ];
    assert.equal(bestNearDuplicate(wireSketch, candidates)?.documentId, 'rewrite');
    assert.equal(bestNearDuplicate(ownSketch, candidates.slice(0, 1)), null);
  });
});

describe('source groups through the store', () => {
  it('count a rewritten copy once and an unrelated article on the same event twice', async () => {
    const store = await memoryStore();
    const wire = moscowWire();
    const rewrite = moscowRewrite();
    const own = moscowOwnReport();
    const [first, second, third] = await ingest(store, wire, rewrite, own);
    assert.equal(first.duplicateOf, null);
    assert.equal(second.duplicateOf, wire.id);
    assert.equal(second.sourceGroup, first.sourceGroup);
    assert.equal(third.duplicateOf, null);
    assert.notEqual(third.sourceGroup, first.sourceGroup);

    const { events } = await buildTimeline(store);
    assert.equal(events.length, 1);
    assert.equal(events[0].documents.length, 3);
    assert.equal(events[0].independentSources, 2);
    // Every copy stays searchable.
    assert.equal((await store.search('hosted the American envoys')).length, 1);
    await store.close();
  });

  it('counts the rewrite once even when it arrives first', async () => {
    const store = await memoryStore();
    const results = await ingest(store, moscowRewrite(), moscowOwnReport(), moscowWire());
    assert.equal(results[2].sourceGroup, results[0].sourceGroup);
    const [event] = (await buildTimeline(store)).events;
    assert.equal(event.independentSources, 2);
    await store.close();
  });
});
