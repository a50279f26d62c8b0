// Tests the stance stage in isolation: hand-set party mentions over sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, Entity, EntityKind, Stance } from '../../src/doc/types.ts';
import { createStanceStage, extractStances, stanceStage } from '../../src/extract/stances.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { makeDoc } from './make-doc.ts';

interface PartyForm {
  id: string;
  kind: EntityKind;
  party: string | null;
  forms: string[];
}

const RUSSIA: PartyForm = { id: 'country:russia', kind: 'country', party: 'Russia', forms: ['Russia', 'Moscow', 'Kremlin', 'Russian'] };
const UKRAINE: PartyForm = { id: 'country:ukraine', kind: 'country', party: 'Ukraine', forms: ['Ukraine', 'Kyiv'] };
const USA: PartyForm = { id: 'country:united-states', kind: 'country', party: 'United States', forms: ['the United States', 'Washington', 'White House'] };
const EUROPE: PartyForm = { id: 'group:europe', kind: 'group', party: 'Europe', forms: ['European governments'] };

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** A Doc of `text` whose entities are `parties`, each mentioned wherever one of its forms occurs as whole words. */
function docWith(text: string, parties: PartyForm[]): Doc {
  const doc = makeDoc(text);
  const taken = new Set<number>();
  doc.entities = parties.map((spec): Entity => {
    const mentions = [];
    for (const form of [...spec.forms].sort((a, b) => b.length - a.length)) {
      for (let start = doc.text.indexOf(form); start !== -1; start = doc.text.indexOf(form, start + 1)) {
        const end = start + form.length;
        if (isWordChar(doc.text[start - 1]) || isWordChar(doc.text[end]) || taken.has(start)) continue;
        for (let offset = start; offset < end; offset++) taken.add(offset);
        mentions.push({ start, end, text: doc.text.slice(start, end) });
      }
    }
    return { id: spec.id, name: spec.forms[0], kind: spec.kind, party: spec.party, roles: [], aliases: [], mentions };
  });
  return doc;
}

/** The stances of `doc`, after checking every evidence span against the text. */
function stancesOf(doc: Doc): Stance[] {
  const stances = extractStances(doc);
  for (const stance of stances) {
    assert.equal(doc.text.slice(stance.evidence.start, stance.evidence.end), stance.evidence.text);
    assert.ok(stance.summary.length > 0 && doc.text.includes(stance.summary), `summary ${stance.summary} is cut from the text`);
  }
  return stances;
}

function triples(stances: Stance[]): string[] {
  return stances.map((stance) => `${stance.party}|${stance.issue}|${stance.act}`).sort();
}

test('the stage declares what it reads and fills', () => {
  assert.equal(stanceStage.name, 'stances');
  assert.deepEqual([...stanceStage.requires], ['text', 'sentences', 'tokens', 'entities']);
  assert.deepEqual([...stanceStage.assigns], ['stances']);
  const doc = docWith('Kyiv rejects the truce offer.', [UKRAINE]);
  const result = stanceStage.run(doc, { kb: loadKnowledge() });
  assert.deepEqual(triples(result.stances), ['Ukraine|ceasefire|reject']);
});

test('an active clause: the subject holds the stance on the issue in its object', () => {
  const stances = stancesOf(docWith('Washington urges an immediate truce along the whole front.', [USA]));
  assert.deepEqual(triples(stances), ['United States|ceasefire|demand']);
  assert.equal(stances[0].actor, null);
  assert.match(stances[0].summary, /^urges an immediate truce/);
});

test('coordinated clauses give one stance per clause, each with its own holder and act', () => {
  const text = 'Moscow insists on keeping Donetsk, Kyiv rejects any handover of land, and the United States has floated a demilitarised zone.';
  const stances = stancesOf(docWith(text, [RUSSIA, UKRAINE, USA]));
  assert.deepEqual(triples(stances), ['Russia|territory|demand', 'Ukraine|territory|reject', 'United States|territory|propose']);
  const byParty = new Map(stances.map((stance) => [stance.party, stance]));
  assert.match(byParty.get('Ukraine')!.summary, /^rejects any handover of land/);
  assert.match(byParty.get('United States')!.summary, /floated a demilitarised zone/);
  for (const stance of stances) assert.deepEqual([stance.evidence.start, stance.evidence.end], [0, text.length]);
});

test('passive voice: the agent after "by" holds the stance on the subject', () => {
  const stances = stancesOf(docWith('The idea of a neutral Ukraine outside NATO is firmly opposed by Kyiv.', [UKRAINE]));
  assert.deepEqual(triples(stances), ['Ukraine|nato-membership|oppose']);
  const rejected = stancesOf(docWith('A thirty-day ceasefire, welcomed by Washington, was turned down by the Kremlin.', [RUSSIA, USA]));
  assert.deepEqual(triples(rejected), ['Russia|ceasefire|reject', 'United States|ceasefire|support']);
});

test('possessive nominals: the possessor holds the stance on the complement', () => {
  const stances = stancesOf(docWith("Ukraine's demand for security guarantees and Kyiv's hopes for EU membership were both on the agenda.", [UKRAINE]));
  assert.deepEqual(triples(stances), ['Ukraine|eu-integration|support', 'Ukraine|security-guarantees|demand']);
  const onIssue = stancesOf(docWith("Russia's demands on sanctions relief slowed the talks.", [RUSSIA]));
  assert.deepEqual(triples(onIssue), ['Russia|sanctions-assets|demand']);
});

test('a noun of stance after a light verb belongs to the verb\'s subject', () => {
  const stances = stancesOf(docWith('The White House voiced firm opposition to any lifting of sanctions.', [USA]));
  assert.deepEqual(triples(stances), ['United States|sanctions-assets|oppose']);
});

test('a judgement names its holder after "to" and its issue before it', () => {
  const stances = stancesOf(docWith('Several clauses of the draft agreement remain unacceptable to Moscow.', [RUSSIA]));
  assert.deepEqual(triples(stances), ['Russia|peace-plan|reject']);
});

test('a clause with a cue and a holder but no issue takes the single issue of the sentence before', () => {
  const text = 'The American draft sets a troop cap of 500,000 soldiers. The Kremlin finds that hard to swallow.';
  const stances = stancesOf(docWith(text, [RUSSIA]));
  assert.deepEqual(triples(stances), ['Russia|military-limits|reject']);
  assert.equal(stances[0].evidence.text, 'The Kremlin finds that hard to swallow.');
  assert.ok(stances[0].confidence < 0.8);
});

test('no issue is carried over when the sentence before names two', () => {
  const text = 'The draft covers a troop cap and frozen assets. The Kremlin finds that hard to swallow.';
  assert.deepEqual(stancesOf(docWith(text, [RUSSIA])), []);
});

test('holders through people: a person holds the stance for their party and is the actor', () => {
  const envoy: PartyForm = { id: 'person:oleg-marchenko', kind: 'person', party: 'Russia', forms: ['Oleg Marchenko', 'Marchenko'] };
  const stances = stancesOf(docWith('Oleg Marchenko, a senior envoy, dismissed any talk of a truce before spring.', [envoy]));
  assert.deepEqual(triples(stances), ['Russia|ceasefire|reject']);
  assert.equal(stances[0].actor, 'person:oleg-marchenko');
  const aide = stancesOf(docWith("Marchenko's deputy said on Friday that Moscow rejects Western peacekeepers.", [envoy, RUSSIA]));
  assert.deepEqual(triples(aide), ['Russia|security-guarantees|reject']);
  const pronoun = stancesOf(docWith('Oleg Marchenko spoke to reporters. He rejected any return to the contact line.', [envoy]));
  assert.deepEqual(triples(pronoun), ['Russia|territory|reject']);
  assert.equal(pronoun[0].actor, 'person:oleg-marchenko');
});

test("an analyst's opinion is not a party's stance", () => {
  const analyst: PartyForm = { id: 'person:lena-fischer', kind: 'person', party: null, forms: ['Lena Fischer'] };
  assert.deepEqual(stancesOf(docWith('Lena Fischer, a researcher at a think tank, backs a quick ceasefire.', [analyst])), []);
});

test('negation: "has not accepted" is not acceptance', () => {
  const stances = stancesOf(docWith('Kyiv has not accepted the proposed ceasefire.', [UKRAINE]));
  assert.equal(stances.length, 1);
  assert.notEqual(stances[0].act, 'accept');
  assert.equal(stances[0].negated, true);
  assert.equal(stances[0].issue, 'ceasefire');
  const refuses = stancesOf(docWith('Moscow refuses to accept foreign peacekeepers.', [RUSSIA]));
  assert.deepEqual(triples(refuses), ['Russia|security-guarantees|reject']);
  const noDemand = stancesOf(docWith('Kyiv does not demand a truce.', [UKRAINE]));
  assert.deepEqual(noDemand, []);
});

test('hedges and conditions are kept as attributes', () => {
  const may = stancesOf(docWith('Moscow may accept a short truce.', [RUSSIA]));
  assert.deepEqual(triples(may), ['Russia|ceasefire|accept']);
  assert.equal(may[0].hedged, true);
  const reported = stancesOf(docWith('Kyiv reportedly proposed a prisoner exchange.', [UKRAINE]));
  assert.equal(reported[0].hedged, true);
  const conditional = stancesOf(docWith('If Washington backs a truce, the fighting could stop.', [USA]));
  assert.equal(conditional[0].hedged, true);
  const plain = stancesOf(docWith('Kyiv proposed a prisoner exchange.', [UKRAINE]));
  assert.equal(plain[0].hedged, undefined);
});

test('what one party asks another to do is its own stance, not the other party\'s', () => {
  const stances = stancesOf(docWith('Moscow wants Kyiv to accept neutrality.', [RUSSIA, UKRAINE]));
  assert.deepEqual(triples(stances), ['Russia|nato-membership|demand']);
});

test('what a party asks in return is a demand', () => {
  const stances = stancesOf(docWith('Kyiv offered neutrality in exchange for security guarantees.', [UKRAINE]));
  assert.deepEqual(triples(stances), ['Ukraine|nato-membership|propose', 'Ukraine|security-guarantees|demand']);
});

test('subjects joined by "and" share the stance', () => {
  const stances = stancesOf(docWith('Kyiv and European governments have called for a ceasefire.', [UKRAINE, EUROPE]));
  assert.deepEqual(triples(stances), ['Europe|ceasefire|demand', 'Ukraine|ceasefire|demand']);
});

test('no stance without a holder or without an issue', () => {
  assert.deepEqual(stancesOf(docWith('The ceasefire plan was rejected.', [])), []);
  assert.deepEqual(stancesOf(docWith('Moscow rejected the accusations.', [RUSSIA])), []);
  assert.deepEqual(stancesOf(docWith('Peace talks resumed in Geneva on Monday.', [])), []);
});

test('a party named inside an issue phrase holds nothing', () => {
  const nato: PartyForm = { id: 'org:nato', kind: 'organization', party: 'NATO', forms: ['NATO'] };
  const stances = stancesOf(docWith('Kyiv, which wants to join NATO, said the terms were tantamount to surrender.', [UKRAINE, nato]));
  assert.deepEqual(triples(stances), ['Ukraine|nato-membership|demand', 'Ukraine|peace-plan|reject']);
});

test('a workspace can bring its own issues and add cues to known ones', () => {
  const upstream: PartyForm = { id: 'country:upland', kind: 'country', party: 'Upland', forms: ['Upland'] };
  const kb = { ...loadKnowledge(), issues: [{ id: 'water-rights', label: 'Water rights', cues: ['river quota', 'water sharing'] }, { id: 'ceasefire', cues: ['quiet period'] }] };
  const doc = stanceStage.run(docWith('Upland rejects any river quota but welcomes a quiet period.', [upstream]), { kb });
  assert.deepEqual(triples(doc.stances), ['Upland|ceasefire|support', 'Upland|water-rights|reject']);
  const fixed = createStanceStage({ issues: [{ id: 'water-rights', label: 'Water rights', cues: ['river quota'] }] });
  const only = fixed.run(docWith('Upland rejects any river quota and any truce.', [upstream]), { kb: loadKnowledge() });
  assert.deepEqual(triples(only.stances), ['Upland|water-rights|reject']);
});

test('a plan that states terms speaks for its author', () => {
  const text = 'The leaked Washington draft runs to twenty points. The draft also proposes a buffer zone in the east.';
  const stances = stancesOf(docWith(text, [USA]));
  assert.deepEqual(triples(stances), ['United States|peace-plan|propose', 'United States|territory|propose']);
  const zone = stances.find((stance) => stance.issue === 'territory')!;
  assert.equal(zone.evidence.text, 'The draft also proposes a buffer zone in the east.');
  assert.ok(zone.confidence < 0.8);
  assert.deepEqual(stancesOf(docWith('The draft also proposes a buffer zone in the east.', [USA])), []);
});

test('a verb joined by "and" or "but" shares the subject of its clause', () => {
  const stances = stancesOf(docWith('Moscow is open to direct talks but rules out any truce before the spring.', [RUSSIA]));
  assert.deepEqual(triples(stances), ['Russia|ceasefire|reject', 'Russia|diplomatic-relations|accept']);
});

test('a subject that names no party stops the search for a holder', () => {
  assert.deepEqual(stancesOf(docWith('After the meeting with Kyiv, many had hoped for a truce.', [UKRAINE])), []);
  assert.deepEqual(stancesOf(docWith('Allies of Kyiv who seek a truce met on Friday.', [UKRAINE])), []);
});

test('an indirect question states no stance', () => {
  assert.deepEqual(stancesOf(docWith('It is unclear whether Moscow would accept a truce.', [RUSSIA])), []);
});

test('a verb that only reports speech is not a proposal', () => {
  const stances = stancesOf(docWith('Washington suggested that Kyiv wants a truce.', [USA, UKRAINE]));
  assert.deepEqual(triples(stances), ['Ukraine|ceasefire|demand']);
});

test('an obligation in reported speech belongs to the speaker', () => {
  const before = stancesOf(docWith('Kyiv said any deal must include security guarantees.', [UKRAINE]));
  assert.deepEqual(triples(before), ['Ukraine|security-guarantees|demand']);
  const after = stancesOf(docWith('Any deal must include security guarantees, Kyiv said.', [UKRAINE]));
  assert.deepEqual(triples(after), ['Ukraine|security-guarantees|demand']);
  assert.deepEqual(stancesOf(docWith('Any deal must include security guarantees.', [UKRAINE])), []);
});

test('an aside between dashes holds its own stance without taking the clause around it', () => {
  const text = 'Kyiv is ready to declare neutrality — a long-standing Russian demand — and to discuss Crimea.';
  const stances = stancesOf(docWith(text, [RUSSIA, UKRAINE]));
  assert.deepEqual(triples(stances), ['Russia|nato-membership|demand', 'Ukraine|nato-membership|accept', 'Ukraine|territory|accept']);
});

test('a party word before a named issue modifies it and is not the subject', () => {
  const stances = stancesOf(docWith("Kyiv's trade office called the Russian frozen assets plan unacceptable.", [RUSSIA, UKRAINE]));
  assert.deepEqual(triples(stances), ['Ukraine|sanctions-assets|reject']);
});

test('calling talks productive supports the peace process', () => {
  const stances = stancesOf(docWith('Washington described the Geneva round as productive.', [USA]));
  assert.deepEqual(triples(stances), ['United States|peace-plan|support']);
});

test('a party named inside a compound word is a modifier, but names the author of a plan it backs', () => {
  assert.deepEqual(stancesOf(docWith('Russia-backed fighters rejected the truce.', [RUSSIA])), []);
  const text = 'A Washington-backed draft circulated on Monday. The draft calls for a truce by spring.';
  assert.deepEqual(triples(stancesOf(docWith(text, [USA]))), ['United States|ceasefire|demand']);
});
