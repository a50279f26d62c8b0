// Invented articles in the shapes real pages take (scraped, templated, social rewrite, Markdown), for the text-stage tests.
import type { ContentFormat, DocMeta, RawDocument } from '../../src/doc/types.ts';

export const EMPTY_META: DocMeta = {
  title: null,
  byline: null,
  source: null,
  url: null,
  published: null,
  file: null,
  language: null,
};

export function rawDocument(content: string, format: ContentFormat = 'text', meta?: Partial<DocMeta>): RawDocument {
  return { origin: 'fixture', kind: 'file', format, content, original: null, meta: { ...EMPTY_META, ...meta }, messages: [] };
}

/** The body paragraphs of the scraped-page fixture; every one must survive cleaning. */
export const SCRAPED_BODY = [
  'Negotiators from Norway and Iceland spent nine hours in Reykjavik on Wednesday trying to settle a long quarrel over mackerel quotas, but the round closed without a signed text.',
  'A Norwegian ministry spokesperson called the mood “businesslike,” while adding that the catch shares proposed by Reykjavik were still far too high for Oslo to accept.',
  'Icelandic fishing crews have warned that another season without a quota deal could empty harbours along the eastern fjords. Their union asked both governments to keep the talks going through the winter.',
  'Brussels is watching closely, since any bilateral bargain would shape the wider coastal-state arrangement that the European Union hopes to renew next spring.',
  'Officials said the delegations would meet again in Bergen before the end of the month, and that mediators from the Faroe Islands had offered to host a later session.',
];

/** Headlines and cut-off teasers of unrelated stories, as a scraper appends them. */
export const APPENDED_HEADLINES = [
  'Valley Bakery Wins County Bread Prize After Decade of Trying',
  'The family-run shop beat forty rivals with a dark rye loaf that the judges praised for its crust and',
  'Storm Forces Organisers to Cancel Seaside Jazz Weekend',
  'Heavy rain and gusts above ninety kilometres an hour flooded the promenade stage on Saturday.',
  'Teenage Striker Signs Three-Year Contract With Promoted Club',
  'The nineteen-year-old scored twelve goals last season and will join the squad for pre-season tr',
  'Museum Reopens Dinosaur Hall After Lengthy Renovation',
  'Visitors queued around the block to see the restored skeletons, which now stand under a new gl',
];

export const SCRAPED_PAGE = ['Posted by : Marta Ilves', ...SCRAPED_BODY, ...APPENDED_HEADLINES].join('\n');

/** A templated rewrite: section headings, bullet takeaways without final stops, a conclusion. */
export const TEMPLATE_ARTICLE = [
  'Key Takeaways',
  '- Mediators in Geneva extended the water-sharing talks between the two river states by a week',
  '- Downstream farmers want guaranteed summer flows written into the treaty',
  '- The upstream government says its new dam must fill before any guarantee',
  'Introduction to the Dispute',
  'The river has fed irrigation on both banks for centuries. Its flow has dropped sharply since the dam began filling last year.',
  'The Geneva Round',
  'Delegates met for three days at a lakeside hotel. Dr. Amira Haddad, who chairs the mediation panel, said the parties had narrowed their differences.',
  'Conclusion and Next Steps',
  'A further round is planned for March. Both sides have agreed to share gauge data in the meantime.',
].join('\n');

/** A social-media style rewrite: emoji, a "rundown" list, a sign-off and a Reference(s) footer. */
export const EMOJI_REWRITE = [
  'Huge update from the fisheries front 🐟: talks between Oslo and Reykjavik resume next week 🛫, but nobody expects a quick fix.',
  'Here’s the rundown:',
  '- Quotas: Iceland wants a bigger slice of the mackerel catch, and Norway says the numbers do not add up.',
  '- Timing: Officials plan to meet in Bergen before the month is out.',
  'Why should you care? 🤔',
  'Li Wen 🙋‍♂️, a researcher at a maritime policy institute, says the gap is narrowing but remains real 👍.',
  'Another analyst 🙋♂️ sees little room for a deal this year.',
  'Stay tuned for more updates! 🌏',
  'Reference(s):',
  'Coastal states return to the table over mackerel',
  'northsea-news.example.com',
].join('\n');

/** A Markdown report with a heading, emphasis, a link, a list and a two-column table. */
export const MARKDOWN_REPORT = [
  '# Harbour Talks at a Glance',
  '',
  'The **mediators** met in [Bergen](https://example.org/bergen) on _Tuesday_ and agreed on a timetable.',
  '',
  '## Key Facts',
  '',
  '| Aspect | Description |',
  '|---|---|',
  '| Key Fact 1 | The mediators expect a first draft by Friday. |',
  '| Key Fact 2 | **Fishing rights** remain disputed. |',
  '',
  '* Next round: early March',
  '* Venue: still open',
].join('\n');

/** A three-column Markdown table, whose header cells label the row sentences. */
export const MARKDOWN_WIDE_TABLE = ['| Party | Position | Issue |', '| :--- | :---: | ---: |', '| Norway | Rejects | Quota shares |', '| Iceland | Proposes | A larger catch |'].join('\n');
