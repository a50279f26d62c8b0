// documentIdentity decides which documents are versions of one article.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentIdentity, normaliseUrl, textHash } from '../../src/store/identity.ts';
import { plainDoc } from './fixtures.ts';

describe('normaliseUrl', () => {
  it('drops scheme, www, fragment, tracking parameters and trailing slashes', () => {
    assert.equal(normaliseUrl('https://www.News.example.org/a/b/?utm_source=x&id=7&fbclid=z#part'), 'news.example.org/a/b?id=7');
    assert.equal(normaliseUrl('http://news.example.org/'), 'news.example.org');
  });

  it('keeps parameters that select the page', () => {
    assert.notEqual(normaliseUrl('https://example.org/story?id=1'), normaliseUrl('https://example.org/story?id=2'));
  });

  it('passes through text that is not a URL', () => {
    assert.equal(normaliseUrl('  not a url '), 'not a url');
  });
});

describe('documentIdentity', () => {
  it('uses the URL when there is one', () => {
    const doc = plainDoc(['One sentence.'], { url: 'https://example.org/story#top', file: 'story.html' });
    assert.equal(documentIdentity(doc), 'url:example.org/story');
  });

  it('uses file name, source and title for files without a URL, ignoring case and spacing of the labels', () => {
    const a = plainDoc(['One.'], { url: null, file: 'brief.txt', source: 'Wire.example', title: 'Morning  brief' });
    const b = plainDoc(['Two.'], { url: null, file: 'brief.txt', source: 'wire.example', title: 'morning brief' });
    assert.equal(documentIdentity(a), 'file:brief.txt|wire.example|morning brief');
    assert.equal(documentIdentity(a), documentIdentity(b));
  });

  it('falls back to the document id when there is neither', () => {
    const doc = plainDoc(['Piped text.'], { url: null, file: null, kind: 'stdin' });
    assert.equal(documentIdentity(doc), `doc:${doc.id}`);
  });
});

describe('textHash', () => {
  it('differs when the text differs by one character', () => {
    assert.notEqual(textHash('talks resumed'), textHash('talks resumed.'));
    assert.equal(textHash('talks'), textHash('talks'));
  });
});
