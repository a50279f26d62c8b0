import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findXmlStructureError } from '../../src/ingest/xml-structure.ts';

test('well-formed XML with a declaration, doctype, comments, CDATA and self-closing tags passes', () => {
  const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY sep "|">]>
<!-- a comment with <tags> inside -->
<rss><channel><title>T</title><atom:link href="x" rel="self"/><item><description><![CDATA[<p>1 < 2 and <b>bold</p>]]></description></item></channel></rss>`;
  assert.equal(findXmlStructureError(xml), null);
});

test('unclosed HTML void elements in an unescaped description are tolerated', () => {
  assert.equal(findXmlStructureError('<rss><channel><item><description>line one<br>line two<img src="a.png"></description></item></channel></rss>'), null);
});

test('a mismatched end tag is reported with its line', () => {
  const error = findXmlStructureError('<rss>\n<channel>\n<item>\n</channel>\n</rss>');
  assert.deepEqual(error, { reason: 'found </channel> where </item> was expected', line: 4 });
});

test('a document cut off mid-tag, mid-CDATA or after a complete element is reported as truncated', () => {
  assert.match(findXmlStructureError('<rss><channel><item><title')?.reason ?? '', /truncated/);
  assert.match(findXmlStructureError('<rss><channel><item><description><![CDATA[<p>half')?.reason ?? '', /truncated/);
  assert.match(findXmlStructureError('<rss><channel><item></item>')?.reason ?? '', /ends before <\/rss>/);
});
