// The entity stage on sentences written for these tests: known people, people found by titles, appositions and speech, parties and metonyms, coreference, role conflicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc, DocMeta, Entity } from '../../src/doc/types.ts';
import { entityStage, extractEntities } from '../../src/extract/entities.ts';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/index.ts';
import { makeDoc } from './make-doc.ts';

const kb = loadKnowledge();

function run(text: string, meta?: Partial<DocMeta>, knowledge: Knowledge = kb): { doc: Doc; entities: Entity[] } {
  const doc = makeDoc(text, meta);
  const { entities } = extractEntities(doc, knowledge);
  for (const entity of entities) {
    assert.ok(entity.mentions.length > 0, `${entity.id} has mentions`);
    for (const mention of entity.mentions) assert.equal(doc.text.slice(mention.start, mention.end), mention.text, `offsets of ${entity.id}`);
  }
  return { doc, entities };
}

function people(entities: Entity[]): Entity[] {
  return entities.filter((entity) => entity.kind === 'person');
}

function personNamed(entities: Entity[], name: string): Entity {
  const found = people(entities).find((entity) => entity.name === name);
  assert.ok(found, `no person ${name} among ${people(entities).map((entity) => entity.name).join(', ')}`);
  return found;
}

function entityById(entities: Entity[], id: string): Entity {
  const found = entities.find((entity) => entity.id === id);
  assert.ok(found, `no entity ${id} among ${entities.map((entity) => entity.id).join(', ')}`);
  return found;
}

function mentionTexts(entity: Entity): string[] {
  return entity.mentions.map((mention) => mention.text);
}

test('known people are found under every spelling and merged into one entity with the party of the day', () => {
  const { entities } = run('Volodymyr Zelenskyy flew to Paris to see Emmanuel Macron. Afterwards Zelensky thanked Macron for the air-defence systems.', { published: '2025-06-02' });
  const zelensky = personNamed(entities, 'Volodymyr Zelensky');
  assert.equal(zelensky.id, 'person:volodymyr-zelensky');
  assert.equal(zelensky.party, 'Ukraine');
  assert.deepEqual(zelensky.roles, ['President of Ukraine']);
  assert.deepEqual(mentionTexts(zelensky), ['Volodymyr Zelenskyy', 'Zelensky']);
  assert.deepEqual(zelensky.aliases, ['Volodymyr Zelenskyy', 'Zelensky']);
  assert.equal(personNamed(entities, 'Emmanuel Macron').party, 'France');
  assert.equal(people(entities).length, 2);
});

test('a misspelt first name before a known surname joins the known person; a different first name does not', () => {
  const { entities } = run('The visitors were greeted by President Volodymr Zelenskyy. The American group did not include Hunter Biden, nor was Biden there. Afterwards Zelenskyy left.', { published: '2022-08-20' });
  assert.deepEqual(mentionTexts(personNamed(entities, 'Volodymyr Zelensky')), ['Volodymr Zelenskyy', 'Zelenskyy']);
  assert.deepEqual(mentionTexts(personNamed(entities, 'Joe Biden')), ['Biden']);
});

test('initials in a known name are ignored', () => {
  const { entities } = run('Secretary of State Antony J. Blinken spoke to his Turkish counterpart by phone.', { published: '2022-04-01' });
  const blinken = personNamed(entities, 'Antony Blinken');
  assert.deepEqual(mentionTexts(blinken), ['Antony J. Blinken']);
  assert.equal(blinken.party, 'United States');
});

test('parties, metonyms and demonyms resolve to the party entity', () => {
  const { entities } = run('The Kremlin dismissed the offer, while Kyiv and Washington praised it. Moscow later hardened its tone and the White House sent Russian officials a reply.');
  assert.deepEqual(mentionTexts(entityById(entities, 'country:russia')), ['Kremlin', 'Moscow', 'Russian']);
  assert.deepEqual(mentionTexts(entityById(entities, 'country:ukraine')), ['Kyiv']);
  const us = entityById(entities, 'country:united-states');
  assert.deepEqual(mentionTexts(us), ['Washington', 'White House']);
  assert.equal(us.kind, 'country');
  assert.equal(us.party, 'United States');
});

test('blocs, groups and Europe acting together are parties with org ids', () => {
  const { entities } = run('European leaders met NATO and EU officials, and Hamas sent a reply through mediators.');
  assert.equal(entityById(entities, 'org:europe').party, 'Europe');
  assert.equal(entityById(entities, 'org:nato').kind, 'organization');
  assert.equal(entityById(entities, 'org:european-union').party, 'European Union');
  assert.equal(entityById(entities, 'org:hamas').kind, 'group');
});

test('a capital named as a venue is a place; a city naming an agreement is a place too', () => {
  const { entities } = run('Delegates gathered in Moscow while the Minsk accords were debated and Beijing urged calm.');
  const moscow = entityById(entities, 'place:moscow');
  assert.equal(moscow.kind, 'place');
  assert.equal(moscow.party, null);
  assert.equal(entityById(entities, 'place:minsk').kind, 'place');
  assert.deepEqual(mentionTexts(entityById(entities, 'country:china')), ['Beijing']);
});

test('government bodies take their party from the words around them', () => {
  const { entities } = run("The Russian foreign ministry summoned the envoy, and the defence ministry of Ukraine answered within hours. The ministry gave no figures.");
  const russian = entityById(entities, 'org:russia-foreign-ministry');
  assert.equal(russian.party, 'Russia');
  assert.equal(russian.kind, 'organization');
  assert.equal(entityById(entities, 'org:ukraine-defence-ministry').party, 'Ukraine');
  assert.equal(entities.filter((entity) => entity.id.endsWith('-foreign-ministry') || entity.id.endsWith('-defence-ministry')).length, 2);
});

test('party names inside hyphenated words are mentions of the party', () => {
  const { entities } = run('The US-brokered talks resumed after the Russia-Ukraine exchange of prisoners.');
  assert.deepEqual(mentionTexts(entityById(entities, 'country:united-states')), ['US']);
  assert.deepEqual(mentionTexts(entityById(entities, 'country:ukraine')), ['Ukraine']);
});

test('an ambiguous country name next to another name word is a first name, not the country', () => {
  const { entities } = run('Jordan Whitcombe spoke first. Talks in Jordan were planned for the spring.');
  assert.deepEqual(mentionTexts(entityById(entities, 'country:jordan')), ['Jordan']);
  assert.equal(entityById(entities, 'country:jordan').mentions[0].start > 20, true);
});

test('a title introduces someone not in the knowledge base, with party and role from the title phrase', () => {
  const { entities } = run('Russian negotiator Pavel Dorokhov called the session useful. Deputy Foreign Minister Irina Volkova of Moldova disagreed.');
  const dorokhov = personNamed(entities, 'Pavel Dorokhov');
  assert.equal(dorokhov.id, 'person:pavel-dorokhov');
  assert.equal(dorokhov.party, 'Russia');
  assert.deepEqual(dorokhov.roles, ['Russian negotiator']);
  const volkova = personNamed(entities, 'Irina Volkova');
  assert.equal(volkova.party, 'Moldova');
  assert.deepEqual(volkova.roles, ['Deputy Foreign Minister']);
});

test('a possessive person or a metonym in the title phrase gives the party', () => {
  const { entities } = run("Putin's senior aide Arkady Belov arrived first, and Kremlin adviser Gleb Sorokin joined him. Trump's son-in-law Jared Kushner stayed home.", { published: '2025-12-01' });
  assert.equal(personNamed(entities, 'Arkady Belov').party, 'Russia');
  assert.equal(personNamed(entities, 'Gleb Sorokin').party, 'Russia');
  assert.equal(personNamed(entities, 'Jared Kushner').party, 'United States');
});

test('an apposition after the name is evidence, and its role gives the party', () => {
  const { entities } = run('Oleg Svirin, an aide to Putin, told reporters the talks would go on. Mikhail Orlov, head of the Russian delegation, said little.', { published: '2025-03-01' });
  const svirin = personNamed(entities, 'Oleg Svirin');
  assert.equal(svirin.party, 'Russia');
  assert.deepEqual(svirin.roles, ['aide to Putin']);
  assert.equal(personNamed(entities, 'Mikhail Orlov').party, 'Russia');
});

test('researchers and analysts are people of no party; a later family name or surname refers back to them', () => {
  const { entities } = run(
    'Li Wenhao, a researcher at the Chinese Academy of Social Sciences, said the gap remained wide. Li added that both sides would bend. Marek Dunin, a senior fellow at a Warsaw institute, agreed with Li.',
  );
  const li = personNamed(entities, 'Li Wenhao');
  assert.equal(li.party, null);
  assert.deepEqual(mentionTexts(li), ['Li Wenhao', 'Li', 'Li']);
  assert.deepEqual(li.roles, ['researcher at the Chinese Academy of Social Sciences']);
  assert.equal(personNamed(entities, 'Marek Dunin').party, null);
});

test('a former role does not give today’s party; the current one decides', () => {
  const { entities } = run('Taras Hnatiuk, a former adviser to the Ukrainian government and now director of an independent think tank in Kyiv, told the radio the plan was weak.');
  assert.equal(personNamed(entities, 'Taras Hnatiuk').party, null);
});

test('an apposition before the name is evidence: "Ukraine’s energy minister, X, wrote"', () => {
  const { entities } = run("Ukraine's energy minister, Taras Melnyk, wrote that the grid had held. According to the regional governor, Petro Sydorenko, three towns lost power in the Kharkiv region.");
  assert.equal(personNamed(entities, 'Taras Melnyk').party, 'Ukraine');
  const sydorenko = personNamed(entities, 'Petro Sydorenko');
  assert.equal(sydorenko.party, 'Ukraine');
  assert.deepEqual(sydorenko.roles, ['regional governor']);
});

test('speech verbs make a two-word name a person: "X said", "said X", "according to X", "X told", "X, 52, said", "X also said"', () => {
  const { entities } = run(
    [
      '“We will not give up,” said Hanna Kovalenko.',
      'According to Nadia Petrenko, the convoy left at dawn.',
      'Boris Lemberg told the agency the border was shut.',
      'Olena Shevchuk, 52, said the shelling had stopped.',
      'Dmytro Hrytsenko also said the bridge was gone.',
      'Ukrenergo said repairs would take a week.',
    ].join(' '),
  );
  assert.deepEqual(
    people(entities).map((entity) => entity.name),
    ['Hanna Kovalenko', 'Nadia Petrenko', 'Boris Lemberg', 'Olena Shevchuk', 'Dmytro Hrytsenko'],
  );
  for (const person of people(entities)) assert.equal(person.party, null);
});

test('capitalised words with no evidence are not people: places, organisations, months, headings', () => {
  const { entities } = run(
    'Peace Plan Details\nIn March Eastern Europe watched closely. Al Jazeera reported the news, and Human Rights Watch said civilians were at risk. Joint Base Andrews hosted the plane.',
  );
  assert.deepEqual(people(entities), []);
  assert.equal(entityById(entities, 'org:al-jazeera').party, null);
});

test('the person told something is not made a speaker by the verb', () => {
  const { entities } = run('The minister told Ruslan Hordiienko nothing new at the meeting.');
  assert.deepEqual(people(entities), []);
});

test('journalists, bylines and photo or reporting credits are not actors', () => {
  const { entities } = run(
    'Asked by BBC correspondent Sarah Whitfield about the deal, Zelensky said it was premature. Tom Harding, a senior fellow at Chatham House, said the same. A convoy crosses the river. (AP Photo/Daniel Morrow) Reporting by Kevin Lasky; editing by Anne Brock.',
    { byline: 'Tom Harding', published: '2025-04-01' },
  );
  assert.deepEqual(people(entities).map((entity) => entity.name), ['Volodymyr Zelensky']);
});

test('a surname with a particle written alone joins the full name, even when it comes first', () => {
  const { entities } = run('Van der Berg said the vote would wait. Dutch Finance Minister Anouk van der Berg, a centrist, later confirmed it, and Van der Berg left.');
  const minister = personNamed(entities, 'Anouk van der Berg');
  assert.equal(minister.party, 'Netherlands');
  assert.deepEqual(mentionTexts(minister), ['Van der Berg', 'Anouk van der Berg', 'Van der Berg']);
  assert.equal(people(entities).length, 1);
});

test('a known surname after another capitalised word in a headline still names the known person', () => {
  const { entities } = run('Kremlin Welcomes Trump Call On Prisoner Swap', { published: '2025-05-20' });
  assert.deepEqual(mentionTexts(personNamed(entities, 'Donald Trump')), ['Trump']);
});

test('"X, who teaches at an institute" makes X an analyst of no party', () => {
  const { entities } = run('"Nobody wants to pay for it," said Ines Marchetti, who teaches public law at the Lakeside Institute in Rome.');
  const marchetti = personNamed(entities, 'Ines Marchetti');
  assert.equal(marchetti.party, null);
  assert.deepEqual(marchetti.roles, ['teaches public law at the Lakeside Institute in Rome']);
});

test('"Mr." with a surname and a later surname resolve to the person introduced earlier', () => {
  const { entities } = run('Vladimir Medinsky, who led the delegation, spoke for an hour. Mr. Medinsky then left. Katz was not there, but Israel Katz sent a letter and Katz later called.', { published: '2025-06-01' });
  assert.deepEqual(mentionTexts(personNamed(entities, 'Vladimir Medinsky')), ['Vladimir Medinsky', 'Medinsky']);
  assert.deepEqual(mentionTexts(personNamed(entities, 'Israel Katz')), ['Katz', 'Israel Katz', 'Katz']);
});

test('a title later in the article resolves to the person who holds it', () => {
  const { entities } = run(
    'Turkish President Recep Tayyip Erdogan hosted the talks. Kremlin aide Arkady Belov attended. The Turkish president urged patience, and the Kremlin aide promised an answer. The president spoke again at noon.',
    { published: '2022-08-18' },
  );
  const erdogan = personNamed(entities, 'Recep Tayyip Erdogan');
  assert.deepEqual(mentionTexts(erdogan), ['Recep Tayyip Erdogan', 'The Turkish president', 'The president']);
  assert.deepEqual(mentionTexts(personNamed(entities, 'Arkady Belov')), ['Arkady Belov', 'the Kremlin aide']);
});

test('"the president" is left alone when several presidents are in the story', () => {
  const { entities } = run('President Donald Trump spoke to President Vladimir Putin for two hours. The president said the call went well.', { published: '2025-03-18' });
  for (const person of people(entities)) assert.ok(!mentionTexts(person).includes('The president'));
});

test('a title that contradicts the knowledge base on the publication day is flagged with its place', () => {
  const text = 'Former US President Donald Trump met the envoys on Monday.';
  const doc = entityStage.run(makeDoc(text, { published: '2025-05-01' }), { kb });
  const conflicts = doc.messages.filter((message) => message.rule === 'entities:role-conflict');
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0].severity, 'warning');
  assert.ok(conflicts[0].place);
  assert.equal(doc.text.slice(conflicts[0].place.start, conflicts[0].place.end), 'Former US President Donald Trump');
  assert.equal(doc.entities.find((entity) => entity.id === 'person:donald-trump')?.party, 'United States');

  const before = entityStage.run(makeDoc(text, { published: '2023-05-01' }), { kb });
  assert.equal(before.messages.filter((message) => message.rule === 'entities:role-conflict').length, 0);

  const stale = entityStage.run(makeDoc('President Joe Biden phoned the envoys.', { published: '2025-06-01' }), { kb });
  assert.equal(stale.messages.filter((message) => message.rule === 'entities:role-conflict').length, 1);
});

test('people and parties added in a workspace config are found without code changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-entities-'));
  const configPath = join(dir, 'parley.config.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      parties: [{ name: 'Harbour Workers Union', kind: 'group', aliases: ['HWU', 'the union'] }],
      people: [{ id: 'person:dana-okafor', name: 'Dana Okafor', aliases: ['Okafor'], party: 'Harbour Workers Union', roles: [{ title: 'Negotiator', label: 'Chief negotiator of the HWU', from: '2024-01' }] }],
    }),
  );
  const custom = loadKnowledge({ configPath });
  const { entities } = run('The HWU walked out on Friday. Okafor said the offer was an insult.', { published: '2024-09-06' }, custom);
  const okafor = personNamed(entities, 'Dana Okafor');
  assert.equal(okafor.party, 'Harbour Workers Union');
  assert.deepEqual(okafor.roles, ['Chief negotiator of the HWU']);
  assert.equal(entityById(entities, 'org:harbour-workers-union').kind, 'group');
});

test('the stage declares what it needs and fills entities; an empty text has none', () => {
  assert.deepEqual([...entityStage.requires], ['text', 'sentences', 'tokens']);
  assert.deepEqual([...entityStage.assigns], ['entities']);
  assert.deepEqual(entityStage.run(makeDoc(''), { kb }).entities, []);
});
