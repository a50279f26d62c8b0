import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/text/clean.ts';
import {
  APPENDED_HEADLINES,
  EMOJI_REWRITE,
  MARKDOWN_REPORT,
  MARKDOWN_WIDE_TABLE,
  SCRAPED_BODY,
  SCRAPED_PAGE,
  TEMPLATE_ARTICLE,
  rawDocument,
} from './fixtures.ts';

function clean(content: string, format: 'text' | 'markdown' = 'text') {
  return cleanText(rawDocument(content, format));
}

function lines(text: string): string[] {
  return text.split('\n');
}

test('scraped page: every appended headline and teaser is cut, the whole body stays, the byline goes to meta', () => {
  const result = clean(SCRAPED_PAGE);
  for (const headline of APPENDED_HEADLINES) assert.ok(!result.text.includes(headline.slice(0, 25)), `survived: ${headline}`);
  assert.deepEqual(lines(result.text), SCRAPED_BODY);
  assert.equal(result.meta.byline, 'Marta Ilves');
  assert.ok(!result.text.includes('Posted by'));
  assert.deepEqual(
    result.removed.filter((removed) => removed.kind !== 'markup').map((removed) => removed.kind),
    ['byline', 'appended-headlines'],
  );
});

test('a closing list about the article itself is not mistaken for appended headlines', () => {
  const content = [
    ...SCRAPED_BODY,
    'Where the mackerel talks stand',
    '- Norway rejects the catch shares proposed by Reykjavik',
    '- Iceland wants the quota deal signed before the season',
    '- The delegations meet again in Bergen this month',
  ].join('\n');
  const result = clean(content);
  assert.ok(result.text.includes('Norway rejects the catch shares proposed by Reykjavik'));
  assert.ok(result.text.endsWith('The delegations meet again in Bergen this month'));
  assert.ok(!result.removed.some((removed) => removed.kind === 'appended-headlines'));
});

test('a closing paragraph under a heading is article text, not an appended teaser', () => {
  const content = [...SCRAPED_BODY.slice(0, 4), 'Looking Ahead', SCRAPED_BODY[4]].join('\n');
  assert.deepEqual(lines(clean(content).text), [...SCRAPED_BODY.slice(0, 4), 'Looking Ahead', SCRAPED_BODY[4]]);
});

test('template rewrite: section headings are recorded, kept as lines, and bullets lose their markers', () => {
  const result = clean(TEMPLATE_ARTICLE);
  assert.deepEqual(
    result.headings.map((heading) => heading.text),
    ['Key Takeaways', 'Introduction to the Dispute', 'The Geneva Round', 'Conclusion and Next Steps'],
  );
  for (const heading of result.headings) assert.equal(result.text.slice(heading.start, heading.end), heading.text);
  assert.equal(result.meta.title, undefined);
  assert.equal(lines(result.text)[1], 'Mediators in Geneva extended the water-sharing talks between the two river states by a week');
  assert.ok(!result.text.includes('- '));
});

test('emoji rewrite: emoji leave the text without dangling spaces, the footer names the source', () => {
  const result = clean(EMOJI_REWRITE);
  assert.doesNotMatch(result.text, /\p{Extended_Pictographic}|\uFE0F|\u200D/u);
  const text = lines(result.text);
  assert.equal(text[0], 'Huge update from the fisheries front: talks between Oslo and Reykjavik resume next week, but nobody expects a quick fix.');
  assert.equal(text[3], 'Timing: Officials plan to meet in Bergen before the month is out.');
  assert.equal(text[4], 'Why should you care?');
  assert.equal(text[5], 'Li Wen, a researcher at a maritime policy institute, says the gap is narrowing but remains real.');
  assert.equal(text[6], 'Another analyst sees little room for a deal this year.');
  assert.equal(text.length, 7);
  assert.equal(result.meta.source, 'northsea-news.example.com');
  const emoji = result.removed.filter((removed) => removed.kind === 'emoji').map((removed) => removed.text);
  assert.ok(emoji.includes('🙋‍♂️') && emoji.includes('🙋♂️') && emoji.includes('🐟'));
  assert.ok(result.removed.some((removed) => removed.kind === 'reference-footer' && removed.text.startsWith('Reference(s):')));
  assert.ok(result.removed.some((removed) => removed.kind === 'share-widget' && removed.text.startsWith('Stay tuned')));
});

test('a footer that names an outlet rather than a domain gives that name', () => {
  const result = clean(`${SCRAPED_BODY[0]}\nSource: Nordic Wire`);
  assert.equal(result.meta.source, 'Nordic Wire');
  assert.equal(result.text, SCRAPED_BODY[0]);
});

test('a body line that starts like a footer label is kept', () => {
  const content = `${SCRAPED_BODY[0]}\nSources close to the talks said a deal was near, though neither side confirmed it publicly.`;
  assert.equal(clean(content).text, content);
});

test('Markdown: markup stripped, headings recorded, table rows become sentences, list bullets go', () => {
  const result = clean(MARKDOWN_REPORT, 'markdown');
  assert.deepEqual(lines(result.text), [
    'Harbour Talks at a Glance',
    'The mediators met in Bergen on Tuesday and agreed on a timetable.',
    'Key Facts',
    'Key Fact 1: The mediators expect a first draft by Friday.',
    'Key Fact 2: Fishing rights remain disputed.',
    'Next round: early March',
    'Venue: still open',
  ]);
  assert.deepEqual(
    result.headings.map((heading) => heading.text),
    ['Harbour Talks at a Glance', 'Key Facts'],
  );
  assert.equal(result.meta.title, 'Harbour Talks at a Glance');
});

test('Markdown table with more columns labels each cell with its header', () => {
  const result = clean(MARKDOWN_WIDE_TABLE, 'markdown');
  assert.deepEqual(lines(result.text), ['Norway \u2014 Position: Rejects; Issue: Quota shares', 'Iceland \u2014 Position: Proposes; Issue: A larger catch']);
});

test('plain text keeps single asterisks and underscores but drops strong emphasis', () => {
  const result = clean('The **Nordic** states, the *main* players, met in snake_case_town.\nSecond line.');
  assert.equal(lines(result.text)[0], 'The Nordic states, the *main* players, met in snake_case_town.');
});

test('the first line of a plain-text article becomes the title when it reads as a headline', () => {
  const result = clean(`Mackerel Talks Stall Again in Reykjavik\n\n${SCRAPED_BODY[0]}\n\n${SCRAPED_BODY[1]}`);
  assert.equal(result.meta.title, 'Mackerel Talks Stall Again in Reykjavik');
  assert.equal(result.headings[0].text, 'Mackerel Talks Stall Again in Reykjavik');
  assert.equal(lines(result.text).length, 3);
  assert.equal(clean(SCRAPED_BODY.join('\n')).meta.title, undefined);
});

test('short title-case lines between paragraphs are headings; sentence-like lines are not', () => {
  const result = clean([SCRAPED_BODY[0], 'Fishing Rights & Quotas', SCRAPED_BODY[1], 'Here is what we know:', SCRAPED_BODY[2], 'Why did the talks fail?', SCRAPED_BODY[3]].join('\n'));
  assert.deepEqual(
    result.headings.map((heading) => heading.text),
    ['Fishing Rights & Quotas'],
  );
});

test('byline shapes at the top are removed and named; a sentence starting with "By" is not a byline', () => {
  for (const byline of ['By Jane Roe', 'Written by Jane Roe', 'Jane Roe | Reporter', 'By: Jane Roe, Nordic Wire']) {
    const result = clean(`${byline}\n${SCRAPED_BODY[0]}`);
    assert.equal(result.meta.byline, 'Jane Roe', byline);
    assert.equal(result.text, SCRAPED_BODY[0]);
  }
  const sentence = 'By the time the delegations left, no date had been set for another round of talks.';
  assert.equal(clean(`${sentence}\n${SCRAPED_BODY[0]}`).text, `${sentence}\n${SCRAPED_BODY[0]}`);
});

test('share, follow, read-more and caption lines are removed wherever they stand', () => {
  const furniture = [
    'Share this article',
    'Facebook | Twitter | Email',
    'Follow us on Telegram for breaking updates',
    'Read more: Fish prices climb ahead of the holidays',
    'Photo: Jane Roe/Nordic Wire',
    'Image caption: Delegates arrive at the ministry',
    'Image source, Nordic Wire',
    'Getty Images',
    'Advertisement',
  ];
  const content = [SCRAPED_BODY[0], ...furniture.slice(0, 4), SCRAPED_BODY[1], ...furniture.slice(4), SCRAPED_BODY[2]].join('\n');
  const result = clean(content);
  assert.deepEqual(lines(result.text), SCRAPED_BODY.slice(0, 3));
  const kinds = new Set(result.removed.map((removed) => removed.kind));
  assert.ok(kinds.has('share-widget') && kinds.has('photo-caption'));
});

test('agency datelines, photo captions closed by a credit and reporter credits are removed', () => {
  const content = [
    'OSLO, March 3 (Reuters) - Norway offered Iceland a larger share of the catch on Monday, officials said.',
    'The offer came after a long night of talks. Fishermen wait on the quay in Tromso, Norway, Monday, March 2, 2026. (AP Photo/Kari Nordmann) The ministry declined to comment further.',
    'Reporting by Ola Hansen; Editing by Per Olsen',
  ].join('\n');
  const result = clean(content);
  assert.deepEqual(lines(result.text), [
    'Norway offered Iceland a larger share of the catch on Monday, officials said.',
    'The offer came after a long night of talks. The ministry declined to comment further.',
  ]);
  const kinds = result.removed.map((removed) => removed.kind);
  assert.ok(kinds.includes('byline') && kinds.includes('photo-caption'));
});

test('an agency-only dateline is removed too', () => {
  const result = clean('(CNN) \u2014 Norway and Iceland agreed to meet again next week, officials said.');
  assert.equal(result.text, 'Norway and Iceland agreed to meet again next week, officials said.');
});

test('a contributor note at the end of a paragraph is removed, the paragraph stays', () => {
  const result = clean(`${SCRAPED_BODY[0]} Nordic Wire's Kari Nordmann contributed to this report.`);
  assert.equal(result.text, SCRAPED_BODY[0]);
});

test('paragraphs glued without a space are split at the seam, but not after a title abbreviation', () => {
  const result = clean('The round ended without a deal.Both sides will meet again, said Mr.Lund.“We are close,” he added.');
  assert.deepEqual(lines(result.text), ['The round ended without a deal.', 'Both sides will meet again, said Mr.Lund.', '“We are close,” he added.']);
});

test('Unicode is normalised: odd spaces, soft hyphens, zero-width characters, CRLF and decomposed letters', () => {
  const result = clean('Cafe\u0301 talks\u00A0resumed in Reyk\u00ADjavik\u200B today.\r\nSecond\u2003line.');
  assert.equal(result.text, 'Café talks resumed in Reykjavik today.\nSecond line.');
});

test('an input with nothing but furniture cleans to empty text', () => {
  assert.equal(clean('Share this article\nAdvertisement\n').text, '');
});

test('hard-wrapped plain text is joined back into one line per paragraph', () => {
  const paragraphs = [SCRAPED_BODY[0], SCRAPED_BODY[2], SCRAPED_BODY[4]];
  const wrapped = paragraphs.map((paragraph) => wrapAt(paragraph, 64)).join('\n\n');
  assert.ok(wrapped.split('\n').length > 10);
  assert.deepEqual(lines(clean(wrapped).text), paragraphs);
});

test('one-paragraph-per-line text is not mistaken for hard-wrapped text', () => {
  const short = ['The talks resumed on Monday.', 'Both sides sent new teams.', 'A deal is not expected soon.', 'Mediators urged patience.', 'Fishermen are waiting.'];
  assert.deepEqual(lines(clean(short.join('\n')).text), short);
});

/** Greedy word wrap at `width` columns, as mail clients and terminals do. */
function wrapAt(paragraph: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  out.push(line);
  return out.join('\n');
}
