import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charsetFromContentType, charsetFromMarkup, formatFromContentType, formatFromPath, resolveFormat, sniffFormat } from '../../src/ingest/sniff.ts';

test('extensions name formats; unknown ones are left to sniffing', () => {
  assert.equal(formatFromPath('a/b.TXT'), 'text');
  assert.equal(formatFromPath('b.markdown'), 'markdown');
  assert.equal(formatFromPath('b.htm'), 'html');
  assert.equal(formatFromPath('b.atom'), 'feed');
  assert.equal(formatFromPath('b.ndjson'), 'jsonl');
  assert.equal(formatFromPath('b.article'), null);
});

test('content types name formats and charsets', () => {
  assert.equal(formatFromContentType('text/html; charset=utf-8'), 'html');
  assert.equal(formatFromContentType('application/atom+xml'), 'feed');
  assert.equal(formatFromContentType('application/feed+json'), 'json');
  assert.equal(formatFromContentType('text/plain'), null);
  assert.equal(charsetFromContentType('text/html; charset="windows-1251"'), 'windows-1251');
  assert.equal(charsetFromContentType('text/html'), null);
});

test('content sniffing tells feeds, HTML, JSON, Markdown and prose apart', () => {
  assert.equal(sniffFormat('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'), 'feed');
  assert.equal(sniffFormat('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'feed');
  assert.equal(sniffFormat('\n<!DOCTYPE html><html><body><p>x</p></body></html>'), 'html');
  assert.equal(sniffFormat('[{"title": "a"}]'), 'json');
  assert.equal(sniffFormat('{\n  "items": ['), 'json');
  assert.equal(sniffFormat('# Talks\n\nThe sides met.'), 'markdown');
  assert.equal(sniffFormat('[Editor\'s note] The sides met on Monday.'), 'text');
  assert.equal(sniffFormat('The sides met on Monday.'), 'text');
});

test('an XML hint on an HTML page reads it as HTML', () => {
  assert.equal(resolveFormat('<!doctype html><html><body>x</body></html>', 'feed'), 'html');
  assert.equal(resolveFormat('<rss><channel></channel></rss>', 'feed'), 'feed');
  assert.equal(resolveFormat('plain words', 'text'), 'text');
});

test('charsets declared in markup are found in the first bytes', () => {
  assert.equal(charsetFromMarkup(Buffer.from('<?xml version="1.0" encoding="ISO-8859-2"?><rss/>')), 'ISO-8859-2');
  assert.equal(charsetFromMarkup(Buffer.from('<html><head><meta charset="koi8-r"></head>')), 'koi8-r');
  assert.equal(charsetFromMarkup(Buffer.from('just text')), null);
});
