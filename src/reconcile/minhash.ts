// MinHash signatures and LSH band keys for near-duplicate detection, written here rather than taken from npm:
// the `minhash` package is unmaintained and slow (plain arrays, a modular multiply per hash and shingle).
import { mix32 } from './hashing.ts';

/** Hash functions per signature; with 2 rows per band, documents with Jaccard 0.2 share a band with probability 0.87, at 0.3 with 0.99. */
export const signatureLength = 100;
export const rowsPerBand = 2;
export const bandCount = signatureLength / rowsPerBand;

// Fixed seeds (SplitMix32 from a constant) so signatures stay comparable across runs and processes.
const seeds = (() => {
  const out = new Uint32Array(signatureLength);
  let state = 0x2545f491;
  for (let i = 0; i < signatureLength; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = mix32(state);
  }
  return out;
})();

/** The MinHash signature of a set of shingle hashes: for each seed, the least mixed hash. */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(signatureLength).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s];
    for (let i = 0; i < signatureLength; i++) {
      const value = mix32(shingle ^ seeds[i]);
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
}

/** One integer key per band: the band's index in the high bits, a hash of its rows in the low 32 (exact in a double). */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < bandCount; band++) {
    let hash = mix32(band + 1);
    for (let row = 0; row < rowsPerBand; row++) hash = mix32(Math.imul(hash ^ signature[band * rowsPerBand + row], 0x9e3779b1));
    keys.push(band * 2 ** 32 + hash);
  }
  return keys;
}

/** Share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let same = 0;
  for (let i = 0; i < length; i++) if (a[i] === b[i]) same++;
  return same / length;
}

/** How much of the smaller set the larger covers, from the Jaccard estimate and the set sizes: |A∩B| = J(|A|+|B|)/(1+J). */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  return Math.min(1, ((jaccard / (1 + jaccard)) * (sizeA + sizeB)) / smaller);
}
