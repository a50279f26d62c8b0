// The benchmark corpus: seeded and reproducible, article by article, with the copies and rewrites it promises.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadBaseArticles, type BaseArticle } from '../../bench/corpus/base-articles.ts';
import { CorpusGenerator, type GeneratedArticle } from '../../bench/corpus/generate.ts';
import { createRandom, hashSeed } from '../../bench/corpus/random.ts';

const count = 1500;
let bases: BaseArticle[];
let corpus: GeneratedArticle[];

before(async () => {
  bases = await loadBaseArticles();
  corpus = [...new CorpusGenerator(bases, { seed: 'test-seed' }).articles(count)];
});

test('the same seed makes the same articles, and any article can be made without the ones before it', () => {
  const again = new CorpusGenerator(bases, { seed: 'test-seed' });
  assert.deepEqual([...again.articles(count)], corpus);
  // The 1,000 articles of a quick run are the first 1,000 of a larger one, and a stream may start anywhere.
  assert.deepEqual(again.article(1234), corpus[1234]);
  assert.deepEqual([...again.articles(1210, 1200)], corpus.slice(1200, 1210));
});

test('another seed makes another corpus', () => {
  const other = [...new CorpusGenerator(bases, { seed: 'another-seed' }).articles(200)];
  const same = other.filter((article, index) => article.text === corpus[index].text).length;
  assert.ok(same < 10, `${same} of 200 texts are the same under another seed`);
});

test('originals are distinct texts: names, places, days and numbers vary from their base article', () => {
  const originals = corpus.filter((article) => article.kind === 'original');
  assert.ok(originals.length > count * 0.8, `${originals.length} originals`);
  const texts = new Set(originals.map((article) => article.text));
  assert.ok(texts.size >= originals.length * 0.99, `${texts.size} distinct texts among ${originals.length} originals`);
  const baseTexts = new Set(bases.map((base) => `${base.paragraphs.join(base.separator)}\n`));
  // A short base article with no name, day or number to vary (a social post) can come out unchanged, seldom.
  const unchanged = originals.filter((article) => baseTexts.has(article.text)).length;
  assert.ok(unchanged <= originals.length * 0.01, `${unchanged} originals are their base article unchanged`);
});

test('duplicates copy an earlier article word for word under another outlet, within a day', () => {
  const duplicates = corpus.filter((article) => article.kind === 'duplicate');
  // 4% of articles by default.
  assert.ok(duplicates.length > count * 0.025 && duplicates.length < count * 0.055, `${duplicates.length} duplicates`);
  for (const duplicate of duplicates) {
    assert.ok(duplicate.copyOf !== null && duplicate.copyOf < duplicate.index && duplicate.index - duplicate.copyOf <= 401);
    // The article as it was made at that index: an original, or itself a copy or a rewrite.
    const original = corpus[duplicate.copyOf];
    assert.equal(duplicate.text, original.text);
    assert.equal(duplicate.title, original.title);
    const days = (Date.parse(duplicate.published) - Date.parse(original.published)) / 86_400_000;
    assert.ok(days === 0 || days === 1, `published ${days} days after its original`);
    assert.notEqual(duplicate.file, original.file);
  }
});

test('rewrites keep most of an earlier article but are not a copy of it', () => {
  const rewrites = corpus.filter((article) => article.kind === 'rewrite');
  // 8% of articles by default.
  assert.ok(rewrites.length > count * 0.06 && rewrites.length < count * 0.1, `${rewrites.length} rewrites`);
  const paragraphsOf = (article: GeneratedArticle) => new Set(article.text.trimEnd().split(article.separator));
  let changed = 0;
  for (const rewrite of rewrites) {
    assert.ok(rewrite.copyOf !== null && rewrite.copyOf < rewrite.index);
    const original = corpus[rewrite.copyOf];
    if (rewrite.text !== original.text) changed += 1;
    const before = paragraphsOf(original);
    const after = paragraphsOf(rewrite);
    // At most one paragraph is dropped; the rest are kept, some with words changed.
    assert.ok(after.size >= before.size - 1, `rewrite ${rewrite.index} has ${after.size} of ${before.size} paragraphs`);
    assert.equal(rewrite.format, original.format);
  }
  assert.ok(changed >= rewrites.length * 0.9, `${changed} of ${rewrites.length} rewrites differ from their original`);
});

test('every article has a file name, an outlet and a publication day in the generated window', () => {
  for (const article of corpus) {
    assert.match(article.file, /^gen-\d{6}\.(txt|md)$/);
    assert.equal(article.file.endsWith('.md'), article.format === 'markdown');
    assert.ok(article.source.length > 0 && article.title.length > 0);
    assert.match(article.published, /^\d{4}-\d{2}-\d{2}$/);
    // 92 days from 15 November 2025, and copies up to two days later.
    assert.ok(article.published >= '2025-11-15' && article.published <= '2026-02-16', article.published);
    assert.ok(article.text.endsWith('\n') && article.text.trim().length > 0);
  }
  assert.equal(new Set(corpus.map((article) => article.file)).size, count);
});

test('the seeded random source gives the same numbers for the same seed, within the asked ranges', () => {
  assert.equal(hashSeed('parley'), hashSeed('parley'));
  assert.notEqual(hashSeed('parley:1'), hashSeed('parley:2'));
  const draw = (seed: number) => {
    const random = createRandom(seed);
    return Array.from({ length: 1000 }, () => random.int(3, 7));
  };
  const numbers = draw(42);
  assert.deepEqual(draw(42), numbers);
  assert.notDeepEqual(draw(43), numbers);
  assert.ok(numbers.every((value) => Number.isInteger(value) && value >= 3 && value <= 7));
  assert.deepEqual(new Set(numbers), new Set([3, 4, 5, 6, 7]));
});
