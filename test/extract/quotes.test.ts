import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quotesStage } from '../../src/extract/quotes.ts';
import type { StageContext } from '../../src/extract/stage.ts';
import { docWithEntities, quotesOf, quoteWith, type EntitySpec } from './quote-fixtures.ts';

const BERG: EntitySpec = { id: 'person:anna-berg', name: 'Anna Berg', party: 'Sweden', roles: ['Foreign Minister of Sweden'], forms: ['Anna Berg', 'Berg'] };
const KRAL: EntitySpec = { id: 'person:tomas-kral', name: 'Tomas Kral', party: null, roles: ['mediator'], forms: ['Tomas Kral', 'Kral'] };
const ORLOV: EntitySpec = { id: 'person:pavel-orlov', name: 'Pavel Orlov', party: 'Russia', roles: ['aide to the Russian president'], forms: ['Pavel Orlov', 'Orlov'] };
const LUND: EntitySpec = { id: 'person:erik-lund', name: 'Erik Lund', party: 'Norway', roles: ['President of Norway'], forms: ['Erik Lund', 'Lund'] };
const RUSSIA: EntitySpec = { id: 'country:russia', name: 'Russia', kind: 'country', party: 'Russia', forms: ['Russia', 'Kremlin', 'Moscow'] };
const USA: EntitySpec = { id: 'country:united-states', name: 'United States', kind: 'country', party: 'United States', forms: ['White House', 'Washington'] };
const GRIDCO: EntitySpec = { id: 'organization:nordgrid', name: 'Nordgrid', kind: 'organization', forms: ['Nordgrid'] };
const CAST = [BERG, KRAL, ORLOV, LUND, RUSSIA, USA, GRIDCO];

function quotes(text: string) {
  return quotesOf(docWithEntities(text, CAST));
}

describe('quote speakers', () => {
  it('reads "…," X said and "…," said X, with an apposition after the name', () => {
    const found = quotes(
      '"We will keep the channel open," Anna Berg said on Friday. "The door is not closed," said Tomas Kral, a veteran mediator from Prague, after the session.',
    );
    assert.equal(found.length, 2);
    assert.equal(quoteWith(found, 'keep the channel open').speaker, 'person:anna-berg');
    assert.equal(quoteWith(found, 'keep the channel open').speakerName, 'Anna Berg');
    const second = quoteWith(found, 'door is not closed');
    assert.equal(second.text, 'The door is not closed');
    assert.equal(second.speaker, 'person:tomas-kral');
  });

  it('reads X said / X told … that "…" before the quote, past an apposition between commas', () => {
    const found = quotes(
      'Tomas Kral, who has chaired every round since spring, told journalists that the draft was "a workable basis for a deal". Berg said, "Nothing is settled yet."',
    );
    assert.equal(quoteWith(found, 'workable basis').speaker, 'person:tomas-kral');
    assert.equal(quoteWith(found, 'Nothing is settled').speaker, 'person:anna-berg');
  });

  it('reads inverted verbs, ages in apposition, dash signatures and whole quotes in single marks', () => {
    const found = quotes(
      '"Nothing has moved on the ground since Monday," added Kral. "We are tired of waiting," Berg, 54, said. "This is the last chance for a negotiated peace" \u2014 Anna Berg. \u2018The mood in the room changed completely,\u2019 Kral said.',
    );
    assert.equal(quoteWith(found, 'Nothing has moved').speaker, 'person:tomas-kral');
    assert.equal(quoteWith(found, 'tired of waiting').speaker, 'person:anna-berg');
    assert.equal(quoteWith(found, 'last chance').speaker, 'person:anna-berg');
    assert.equal(quoteWith(found, 'mood in the room').text, 'The mood in the room changed completely');
    assert.equal(quoteWith(found, 'mood in the room').speaker, 'person:tomas-kral');
  });

  it('reads "according to X" on either side of the quote', () => {
    const found = quotes(
      '"The gap on borders has narrowed a great deal," according to Tomas Kral. According to Berg, "a second round is planned for the autumn."',
    );
    assert.equal(quoteWith(found, 'gap on borders').speaker, 'person:tomas-kral');
    assert.equal(quoteWith(found, 'second round is planned').speaker, 'person:anna-berg');
  });

  it('reads a colon after the speaker or after the verb', () => {
    const found = quotes('Asked about sanctions, Berg: "They stay until the troops leave the border." Later Kral told the press: "I remain hopeful about the summer."');
    assert.equal(quoteWith(found, 'They stay until').speaker, 'person:anna-berg');
    assert.equal(quoteWith(found, 'I remain hopeful').speaker, 'person:tomas-kral');
  });

  it('takes the speaker named in the sentence before a quote that stands alone', () => {
    const found = quotes('Tomas Kral spoke to reporters outside the hotel late on Sunday. "Both teams want this to end before winter."');
    assert.equal(quoteWith(found, 'Both teams want').speaker, 'person:tomas-kral');
  });

  it('gives a following quote paragraph the previous quote\'s speaker', () => {
    const found = quotes('"We came to listen and we listened," Berg said.\n"Now the harder work starts for all of us here."');
    assert.equal(quoteWith(found, 'harder work starts').speaker, 'person:anna-berg');
  });

  it('resolves he/she to the last person named as a subject, not to an object', () => {
    const found = quotes('Anna Berg criticised Tomas Kral over the timetable on Sunday. "He moves too fast for a fragile process," she said.');
    assert.equal(quoteWith(found, 'moves too fast').speaker, 'person:anna-berg');
    const later = quotes('Kral met both delegations in Geneva. Berg was not there. Kral then briefed the press. "Progress is real but slow," he added.');
    assert.equal(quoteWith(later, 'Progress is real').speaker, 'person:tomas-kral');
  });

  it('resolves descriptions through the roles and parties of the entities', () => {
    const found = quotes(
      'Pavel Orlov met the envoys in Moscow. Erik Lund flew in the same evening. The Kremlin aide said the meeting had been "useful and businesslike", while the Norwegian president said, "We are closer than a month ago."',
    );
    assert.equal(quoteWith(found, 'useful and businesslike').speaker, 'person:pavel-orlov');
    assert.equal(quoteWith(found, 'closer than a month ago').speaker, 'person:erik-lund');
  });

  it('matches a description to the head of a role, minding rank, and looks ahead when a party is named', () => {
    const cast: EntitySpec[] = [
      RUSSIA,
      { id: 'person:ivan-sokolov', name: 'Ivan Sokolov', party: 'Russia', roles: ['Foreign Minister of Russia'], forms: ['Ivan Sokolov', 'Sokolov'] },
      { id: 'person:oleg-petrov', name: 'Oleg Petrov', party: 'Russia', roles: ['Deputy Foreign Minister of Russia'], forms: ['Oleg Petrov', 'Petrov'] },
      { id: 'person:dmitri-volkov', name: 'Dmitri Volkov', party: 'Russia', roles: ['President of Russia'], forms: ['Dmitri Volkov', 'Volkov'] },
      { ...ORLOV, roles: ['Aide to the President of Russia'] },
    ];
    const found = quotesOf(
      docWithEntities(
        "Russia's foreign minister said talks could resume once the \"root causes\" were addressed. Deputy Foreign Minister Oleg Petrov spoke first and Foreign Minister Ivan Sokolov followed. Dmitri Volkov hosted them. Pavel Orlov took notes. \"We are ready for a second round,\" the Russian president said.",
        cast,
      ),
    );
    assert.equal(quoteWith(found, 'root causes').speaker, 'person:ivan-sokolov');
    assert.equal(quoteWith(found, 'second round').speaker, 'person:dmitri-volkov');
  });

  it('reads an owner before a description: the office speaks for its owner, an aide is found by role', () => {
    const found = quotes(
      'Kral left early. "The offer stands until Friday," Berg\'s office said. Orlov arrived late. "We need more time," the Kremlin leader\'s aide said. "It will not be enough," a spokesman for Berg said.',
    );
    assert.equal(quoteWith(found, 'offer stands').speaker, 'person:anna-berg');
    assert.equal(quoteWith(found, 'more time').speaker, 'person:pavel-orlov');
    assert.equal(quoteWith(found, 'not be enough').speaker, null);
  });

  it('lets someone unnamed from a named side speak for that side', () => {
    const found = quotes('"The proposal is a non-starter for us," a Kremlin spokesman told reporters.');
    assert.equal(quoteWith(found, 'non-starter').speaker, 'country:russia');
  });

  it('attributes quotes to organisations and parties by their entity', () => {
    const found = quotes(
      'The White House said the proposal had been "much improved" since Monday. "Our lines were hit more than forty times this winter," the company added after Nordgrid published its figures.',
    );
    const improved = quoteWith(found, 'much improved');
    assert.equal(improved.speaker, 'country:united-states');
    assert.equal(improved.speakerName, 'United States');
    // The company named afterwards is not the one meant: only organisations named before count.
    assert.equal(quoteWith(found, 'lines were hit').speaker, null);
    const named = quotes('Nordgrid said its plants were damaged again. "Our lines were hit more than forty times this winter," the company added.');
    assert.equal(quoteWith(named, 'lines were hit').speaker, 'organization:nordgrid');
  });

  it('names the speaker as the article spells the surname, under the same id', () => {
    const found = quotesOf(
      docWithEntities('"We will not trade land for promises," Lindqvistt said.', [
        { id: 'person:maria-lindqvist', name: 'Maria Lindqvist', party: 'Sweden', forms: ['Lindqvistt'] },
      ]),
    );
    assert.equal(found[0].speaker, 'person:maria-lindqvist');
    assert.equal(found[0].speakerName, 'Maria Lindqvistt');
  });

  it('keeps the name of a body no entity covers, under the party it belongs to', () => {
    const found = quotes('The Swedish Defence Ministry said the border area remained "under heavy shelling" overnight.');
    const quote = quoteWith(found, 'heavy shelling');
    assert.equal(quote.speakerName, 'Swedish Defence Ministry');
    assert.equal(quote.speaker, null);
  });

  it('keeps speakers that name nobody as unattributed', () => {
    const found = quotes('Berg left early. "Nobody here expects a breakthrough this week," a senior official told reporters.');
    const quote = quoteWith(found, 'Nobody here expects');
    assert.equal(quote.speaker, null);
    assert.equal(quote.speakerName, null);
  });

  it('attributes both halves of a split quote and a quote running over two sentences', () => {
    const found = quotes('"In the end," Kral said, "everyone at this table wants the same thing." "We came to listen. We leave with homework," Berg said.');
    assert.equal(quoteWith(found, 'In the end').speaker, 'person:tomas-kral');
    assert.equal(quoteWith(found, 'everyone at this table').speaker, 'person:tomas-kral');
    const twoSentences = quoteWith(found, 'We came to listen');
    assert.equal(twoSentences.text, 'We came to listen. We leave with homework');
    assert.equal(twoSentences.speaker, 'person:anna-berg');
  });

  it('gives words quoted mid-sentence to the speaker before them, and to the one after when none is before', () => {
    const found = quotes(
      'Berg said the offer was "dead on arrival" and Kral agreed, telling reporters it needed work. Pylons that "carry the main western line to the coast" were hit overnight, Lund said.',
    );
    assert.equal(quoteWith(found, 'dead on arrival').speaker, 'person:anna-berg');
    assert.equal(quoteWith(found, 'main western line').speaker, 'person:erik-lund');
  });

  it('carries the speaker of a quote to later quotes of the same sentence', () => {
    const found = quotes('Berg described the talks as "frank" and "long overdue", adding that "the next step is a ceasefire line".');
    for (const phrase of ['frank', 'long overdue', 'the next step']) assert.equal(quoteWith(found, phrase).speaker, 'person:anna-berg');
  });
});

describe('which quotes are kept', () => {
  it('keeps scare quotes only when their sentence names a speaker', () => {
    const found = quotes('Orlov called the talks "constructive". The so-called "peace corridor" stayed closed.');
    assert.equal(quoteWith(found, 'constructive').speaker, 'person:pavel-orlov');
    assert.ok(!found.some((quote) => quote.text.includes('peace corridor')));
  });

  it('keeps a long quote nobody is named for, with no speaker', () => {
    const found = quotes('The leaked text reads: "All parties commit to a full exchange of prisoners within ninety days."');
    const quote = quoteWith(found, 'full exchange of prisoners');
    assert.equal(quote.speaker, null);
  });

  it('continues a quote into the next paragraph that opens with a quote mark', () => {
    const text = 'Berg said: \u201CWe are not there yet, and nobody should pretend otherwise.\n\u201CBut the outline of a settlement is visible now,\u201D she added.';
    const found = quotes(text);
    assert.equal(found.length, 1);
    const quote = found[0];
    assert.equal(quote.text, 'We are not there yet, and nobody should pretend otherwise. But the outline of a settlement is visible now');
    assert.equal(quote.speaker, 'person:anna-berg');
    assert.equal(quote.evidence.text, text);
  });

  it('ends an unclosed quote with its paragraph when the next one does not open with a mark', () => {
    const found = quotes('Kral said: "The door remains open for the other side\nThe next round is set for May.');
    const quote = quoteWith(found, 'door remains open');
    assert.equal(quote.text, 'The door remains open for the other side');
    assert.equal(quote.speaker, 'person:tomas-kral');
  });

  it('reads single curly quotes but not apostrophes', () => {
    const found = quotes('Kral described the plan as \u2018a starting point\u2019, adding that the delegates\u2019 mood was calm and Berg\u2019s team stayed late.');
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'a starting point');
    assert.equal(found[0].speaker, 'person:tomas-kral');
  });

  it('pairs straight quotes with stray spaces inside', () => {
    const found = quotes('Berg said the border must stay " open and guarded " in any deal.');
    assert.equal(quoteWith(found, 'open and guarded').text, 'open and guarded');
  });

  it('gives the evidence as the whole sentence around the quote', () => {
    const text = 'The talks ended early. "We have a basis for a deal," Kral said after five hours. Berg left for Stockholm.';
    const found = quotes(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].evidence.text, '"We have a basis for a deal," Kral said after five hours.');
    assert.equal(found[0].evidence.start, text.indexOf('"We have'));
  });
});

describe('the quotes stage', () => {
  it('declares what it needs and assigns doc.quotes', () => {
    assert.equal(quotesStage.name, 'quotes');
    assert.deepEqual([...quotesStage.requires], ['text', 'sentences', 'tokens', 'entities']);
    assert.deepEqual([...quotesStage.assigns], ['quotes']);
    const doc = docWithEntities('"The ceasefire holds for now," Kral said.', CAST);
    // The quote stage reads no knowledge from the context.
    const result = quotesStage.run(doc, {} as StageContext);
    assert.equal(result.quotes.length, 1);
    assert.equal(result.quotes[0].speaker, 'person:tomas-kral');
  });

  it('finds nothing in text without quote marks', () => {
    assert.deepEqual(quotes('Berg and Kral met for two hours and agreed to meet again.'), []);
  });
});
