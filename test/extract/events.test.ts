// Tests for the events stage: triggers, status, parties and participants, place, dates, duration, outcome, PLOVER codes and merging.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, Entity, NegotiationEvent, Span } from '../../src/doc/types.ts';
import { findDates } from '../../src/extract/dates.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { eventsStage, findActorMentions, findEvents } from '../../src/extract/events.ts';
import { makeDoc } from './make-doc.ts';

interface Person {
  name: string;
  party: string;
}

function mentionsOf(text: string, form: string): Span[] {
  const spans: Span[] = [];
  const pattern = new RegExp(`(?<![\\p{L}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + form.length, text: form });
  return spans;
}

/** A Doc through the real text and dates stages, with person entities written by hand (full name and surname). */
function docWith(text: string, published: string, people: readonly Person[] = []): Doc {
  const doc = makeDoc(text, { published });
  const entities: Entity[] = people.map((person) => {
    const surname = person.name.split(' ').at(-1) as string;
    const full = mentionsOf(doc.text, person.name);
    const short = mentionsOf(doc.text, surname).filter((span) => !full.some((other) => other.start <= span.start && other.end >= span.end));
    return {
      id: `person:${person.name.toLowerCase().replace(/\s+/g, '-')}`,
      name: person.name,
      kind: 'person',
      party: person.party,
      roles: [],
      aliases: [surname],
      mentions: [...full, ...short].sort((a, b) => a.start - b.start),
    };
  });
  const withEntities = { ...doc, entities };
  return { ...withEntities, dates: findDates(withEntities).dates };
}

function eventsOf(text: string, published: string, people: readonly Person[] = []): NegotiationEvent[] {
  const doc = docWith(text, published, people);
  const { events, plans } = findEvents(doc);
  for (const event of events) assert.equal(doc.text.slice(event.evidence.start, event.evidence.end), event.evidence.text);
  for (const plan of plans) {
    for (const span of [plan.evidence, ...plan.mentions, ...plan.versions, ...plan.points]) assert.equal(doc.text.slice(span.start, span.end), span.text);
  }
  return events;
}

function meetingLike(events: readonly NegotiationEvent[]): NegotiationEvent[] {
  return events.filter((event) => ['meeting', 'talks', 'call', 'visit', 'summit'].includes(event.type));
}

const ALVES = { name: 'Marta Alves', party: 'Portugal' };
const KOVAC = { name: 'Ivan Kovac', party: 'Croatia' };
const LINDQVIST = { name: 'Erik Lindqvist', party: 'Sweden' };
const OKAFOR = { name: 'Grace Okafor', party: 'Nigeria' };

describe('status', () => {
  test('a meeting that will take place is planned and dated by the dates stage', () => {
    const [event] = meetingLike(eventsOf('Portuguese minister Marta Alves will meet Croatian envoy Ivan Kovac in Lisbon next Tuesday.', '2024-05-15', [ALVES, KOVAC]));
    assert.equal(event.type, 'meeting');
    assert.equal(event.status, 'planned');
    assert.deepEqual([...event.parties].sort(), ['Croatia', 'Portugal']);
    assert.equal(event.place, 'Lisbon');
    assert.equal(event.date?.start, '2024-05-21');
  });

  test('a meeting told in the past tense happened', () => {
    const [event] = meetingLike(eventsOf('Marta Alves met Ivan Kovac in Zagreb on Monday to discuss fishing quotas.', '2024-05-15', [ALVES, KOVAC]));
    assert.equal(event.status, 'happened');
    assert.equal(event.place, 'Zagreb');
    assert.equal(event.date?.start, '2024-05-13');
  });

  test('"set to", "scheduled" and "expected" plan an event', () => {
    for (const text of [
      'Swedish and Nigerian negotiators are set to hold talks in Abuja.',
      'Talks between Sweden and Nigeria are scheduled for the coming days.',
      'Negotiators from Sweden and Nigeria are expected to hold a new round of talks.',
    ]) {
      const [event] = meetingLike(eventsOf(text, '2024-05-15'));
      assert.equal(event?.status, 'planned', text);
    }
  });

  test('a called-off summit is cancelled', () => {
    const [event] = meetingLike(eventsOf('A summit between Armenia and Azerbaijan was called off on Friday.', '2024-05-15'));
    assert.equal(event.type, 'summit');
    assert.equal(event.status, 'cancelled');
  });

  test('a date after publication makes an event planned whatever the tense', () => {
    const [event] = meetingLike(eventsOf("Kenya and Ethiopia's talks on Thursday are the first in a year.", '2024-05-15'));
    assert.equal(event.status, 'planned');
    assert.equal(event.date?.start, '2024-05-16');
  });
});

describe('dates through the dates stage', () => {
  test('"yesterday (Thursday)" and "early next week" resolve against publication', () => {
    const [held] = meetingLike(eventsOf('Chilean and Peruvian envoys held talks yesterday (Thursday) in Lima.', '2024-05-17'));
    assert.equal(held.date?.start, '2024-05-16');
    const [arrival] = meetingLike(eventsOf('A Chilean delegation is set to arrive in Lima early next week.', '2024-05-17'));
    assert.equal(arrival.type, 'visit');
    assert.deepEqual([...arrival.parties].sort(), ['Chile', 'Peru']);
    assert.equal(arrival.status, 'planned');
    assert.equal(arrival.date?.start, '2024-05-20');
    assert.ok((arrival.date?.end ?? '') < '2024-05-24');
  });

  test('"two days of negotiations" is a two-day event, and a postponed one is cancelled', () => {
    const [talks] = meetingLike(eventsOf('Two days of negotiations between Chile and Peru ended in Lima on Friday.', '2024-05-18'));
    assert.equal(talks.duration, 'P2D');
    const [postponed] = meetingLike(eventsOf('A meeting between Chile and Peru planned for Tuesday was postponed.', '2024-05-18'));
    assert.equal(postponed.status, 'cancelled');
  });
});

describe('parties and participants', () => {
  test('people give their parties and are the participants', () => {
    const [event] = meetingLike(eventsOf('Erik Lindqvist held talks with Grace Okafor on Wednesday.', '2024-05-16', [LINDQVIST, OKAFOR]));
    assert.deepEqual([...event.parties].sort(), ['Nigeria', 'Sweden']);
    assert.deepEqual([...event.participants].sort(), ['person:erik-lindqvist', 'person:grace-okafor']);
  });

  test('a delegation and a metonym stand for their parties', () => {
    const [event] = meetingLike(eventsOf('A U.S. delegation held talks with the Kremlin on energy supplies.', '2024-05-16'));
    assert.deepEqual([...event.parties].sort(), ['Russia', 'United States']);
  });

  test('a party named as the topic is not a participant', () => {
    const [event] = meetingLike(eventsOf('Indian and Chinese officials held talks on the Nepal border question.', '2024-05-16'));
    assert.deepEqual([...event.parties].sort(), ['China', 'India']);
  });

  test('a visit to a capital makes its country a party', () => {
    const [event] = meetingLike(eventsOf('Grace Okafor will travel to Tokyo next week.', '2024-05-15', [OKAFOR]));
    assert.equal(event.type, 'visit');
    assert.deepEqual([...event.parties].sort(), ['Japan', 'Nigeria']);
    assert.equal(event.place, 'Tokyo');
  });

  test('an event with a single party is no meeting between parties', () => {
    assert.deepEqual(meetingLike(eventsOf('Swedish officials said the negotiations were moving slowly.', '2024-05-16')), []);
  });

  test('a pronoun before the trigger stands for the person named after it', () => {
    const [event] = meetingLike(eventsOf('Asked whether she had spoken to Ivan Kovac, Grace Okafor declined to answer.', '2024-05-16', [KOVAC, OKAFOR]));
    assert.equal(event.type, 'call');
    assert.deepEqual([...event.parties].sort(), ['Croatia', 'Nigeria']);
  });
});

describe('place', () => {
  test('a metonym venue places the event in its capital', () => {
    const [event] = meetingLike(eventsOf('Indian envoys held talks at the Kremlin on Thursday.', '2024-05-17'));
    assert.equal(event.place, 'Moscow');
    assert.deepEqual([...event.parties].sort(), ['India', 'Russia']);
  });

  test('a capital used as a party is not the place', () => {
    const [event] = meetingLike(eventsOf('Moscow and Beijing held talks in Geneva on Monday.', '2024-05-17'));
    assert.equal(event.place, 'Geneva');
    assert.deepEqual([...event.parties].sort(), ['China', 'Russia']);
  });

  test('"the city of" and unknown town names are places', () => {
    const [city] = meetingLike(eventsOf('Polish and Czech ministers met in the northern city of Gdansk.', '2024-05-17'));
    assert.equal(city.place, 'Gdansk');
    const [town] = meetingLike(eventsOf('Kenyan and Somali officials held talks in Port Verde on Friday.', '2024-05-17'));
    assert.equal(town.place, 'Port Verde');
  });

  test('a place belonging to another verb is not the venue', () => {
    const [event] = meetingLike(eventsOf('The talks between Chile and Peru follow protests in Santiago.', '2024-05-17'));
    assert.equal(event.place, null);
  });
});

describe('duration and outcome', () => {
  test('"N hours of talks" and "for N days" give ISO durations', () => {
    const [hours] = meetingLike(eventsOf('Three hours of talks between Chile and Bolivia ended without a deal.', '2024-05-17'));
    assert.equal(hours.duration, 'PT3H');
    assert.equal(hours.outcome, 'without a deal');
    const [days] = meetingLike(eventsOf('Chilean and Bolivian negotiators held talks in Lima for two days.', '2024-05-17'));
    assert.equal(days.duration, 'P2D');
  });

  test('another verb\u2019s duration is not the event\u2019s', () => {
    const [event] = meetingLike(eventsOf('Chile and Bolivia held talks in Lima about a dispute dragging on for six years.', '2024-05-17'));
    assert.equal(event.duration, null);
  });

  test('the outcome is kept in the source\u2019s words', () => {
    const [event] = meetingLike(eventsOf('Talks between Chile and Bolivia in Lima failed to produce a breakthrough.', '2024-05-17'));
    assert.equal(event.outcome, 'failed to produce a breakthrough');
  });
});

describe('PLOVER codes', () => {
  test('each kind of event maps to its PLOVER type and mode', () => {
    const call = meetingLike(eventsOf('Erik Lindqvist spoke by phone with Grace Okafor on Sunday.', '2024-05-17', [LINDQVIST, OKAFOR]))[0];
    assert.equal(call.type, 'call');
    assert.deepEqual(call.plover, { type: 'CONSULT', mode: 'phone' });
    const visit = meetingLike(eventsOf('Erik Lindqvist visited Abuja on Monday.', '2024-05-17', [LINDQVIST]))[0];
    assert.deepEqual(visit.plover, { type: 'CONSULT', mode: 'visit' });
    const talks = meetingLike(eventsOf('Swedish and Nigerian officials held talks in Oslo.', '2024-05-17'))[0];
    assert.deepEqual(talks.plover, { type: 'CONSULT', mode: null });
    const hosted = meetingLike(eventsOf('Grace Okafor hosted Erik Lindqvist in Abuja on Monday.', '2024-05-17', [LINDQVIST, OKAFOR]))[0];
    assert.deepEqual(hosted.plover, { type: 'CONSULT', mode: 'host' });
  });

  test('agreements, ceasefires and statements', () => {
    const events = eventsOf(
      'Sudan and South Sudan signed a border agreement on Monday. Sudan and South Sudan declared a ceasefire the same day. Sudan said in a statement that the deal would hold.',
      '2024-05-17',
    );
    assert.deepEqual(events.find((event) => event.type === 'agreement')?.plover, { type: 'AGREE', mode: null });
    assert.deepEqual(events.find((event) => event.type === 'ceasefire')?.plover, { type: 'RETREAT', mode: 'ceasefire' });
    const statement = events.find((event) => event.type === 'statement');
    assert.ok(statement !== undefined);
    assert.equal(statement.plover, undefined);
  });
});

describe('words that name no event', () => {
  test('guards against look-alike uses', () => {
    for (const text of [
      'The proposal was met with resistance by Chile and Peru.',
      'Chile calls for a ceasefire between Peru and Bolivia.',
      'Erik Lindqvist spoke to reporters about Nigeria.',
      'The Chilean negotiating team and Peruvian diplomats arrived late.',
      'Chile and Peru have refused to negotiate.',
      'There will be no talks between Chile and Peru this year.',
    ]) {
      assert.deepEqual(meetingLike(eventsOf(text, '2024-05-17', [LINDQVIST])), [], text);
    }
  });
});

describe('merging within a document', () => {
  test('mentions of one meeting become one event with the details of all', () => {
    const events = meetingLike(
      eventsOf(
        'Portuguese and Croatian ministers met in Porto on Friday. The meeting lasted four hours. Marta Alves called the meeting constructive.',
        '2024-05-18',
        [ALVES],
      ),
    );
    assert.equal(events.length, 1);
    assert.equal(events[0].place, 'Porto');
    assert.equal(events[0].duration, 'PT4H');
    assert.equal(events[0].date?.start, '2024-05-17');
  });

  test('sittings in different places stay apart', () => {
    const events = meetingLike(
      eventsOf('Chile and Peru held talks in Lima on Monday. Chilean and Peruvian officials met again in Santiago on Wednesday.', '2024-05-18'),
    );
    assert.deepEqual(events.map((event) => event.place).sort(), ['Lima', 'Santiago']);
  });

  test('"another round" is a planned sitting of its own', () => {
    const events = meetingLike(
      eventsOf('Chile and Peru held talks in Lima on Monday. Officials said another round of talks is planned for next month.', '2024-05-18'),
    );
    assert.equal(events.length, 2);
    const next = events.find((event) => event.status === 'planned');
    assert.deepEqual([...(next?.parties ?? [])].sort(), ['Chile', 'Peru']);
  });

  test('a visit announced and a meeting during it are one event', () => {
    const events = meetingLike(
      eventsOf('Erik Lindqvist will travel to Abuja next week. He is due to meet Grace Okafor in Abuja on Tuesday.', '2024-05-15', [LINDQVIST, OKAFOR]),
    );
    assert.equal(events.length, 1);
    assert.deepEqual([...events[0].parties].sort(), ['Nigeria', 'Sweden']);
  });
});

describe('clauses', () => {
  test('an event in an "after" clause does not take the main clause\u2019s parties', () => {
    const events = meetingLike(
      eventsOf('After meeting Marta Alves, Ivan Kovac is expected to fly to Stockholm for talks with Erik Lindqvist.', '2024-05-15', [ALVES, KOVAC, LINDQVIST]),
    );
    const stockholm = events.find((event) => event.place === 'Stockholm');
    assert.ok(stockholm !== undefined);
    assert.deepEqual([...stockholm.parties].sort(), ['Croatia', 'Sweden']);
  });

  test('"after Thursday\u2019s meeting" dates the meeting to that day, and "the day before the talks" to the days after', () => {
    const [after] = meetingLike(eventsOf('Marta Alves spoke to reporters after Thursday\u2019s meeting with Ivan Kovac.', '2024-05-18', [ALVES, KOVAC]));
    assert.equal(after.date?.start, '2024-05-16');
    const [before] = meetingLike(eventsOf('On Monday, the day before the talks between Chile and Peru, officials were upbeat.', '2024-05-18'));
    assert.equal(before.date?.start, '2024-05-13');
    assert.equal(before.date?.end, '2024-05-16');
  });

  test('a date in a relative clause about another noun is not the event\u2019s', () => {
    const [event] = meetingLike(eventsOf('Chilean and Peruvian officials held talks in Lima over a border treaty that was signed in 1929.', '2024-05-18'));
    assert.equal(event.date, null);
  });

  test('talks named only as a topic take no parties from the verb before them', () => {
    const events = meetingLike(eventsOf('Erik Lindqvist spoke with Grace Okafor on Wednesday about the talks.', '2024-05-18', [LINDQVIST, OKAFOR]));
    assert.deepEqual(events.map((event) => event.type), ['call']);
  });

  test('a statement is dated and timed by the saying, not by what was said', () => {
    const statement = eventsOf('Peru said in a statement on Friday that talks with Chile would resume.', '2024-05-18').find((event) => event.type === 'statement');
    assert.equal(statement?.status, 'happened');
    assert.deepEqual(statement?.parties, ['Peru']);
  });

  test('a plan years away from a later meeting stays a separate event', () => {
    const events = meetingLike(
      eventsOf(
        'Ivan Kovac will host Marta Alves in Zagreb on June 3. A planned visit by the Portuguese minister to Zagreb in 2019 was cancelled.',
        '2024-05-15',
        [ALVES, KOVAC],
      ),
    );
    assert.equal(events.length, 2);
    assert.deepEqual(events.map((event) => event.status).sort(), ['cancelled', 'planned']);
  });
});

describe('knowledge', () => {
  test('parties a workspace adds are read from the knowledge passed in', () => {
    const knowledge = {
      parties: [
        { name: 'Northland', kind: 'country', demonyms: ['Northlander'], capital: 'Nordby' },
        { name: 'Southland', kind: 'country', demonyms: ['Southlander'], capital: 'Sudby' },
      ],
      places: [{ name: 'Midfield', country: 'Northland', kind: 'city' }],
    };
    const doc = docWith('Northlander and Southlander envoys met in Midfield on Tuesday.', '2024-05-18');
    const [event] = meetingLike(findEvents(doc, { knowledge }).events);
    assert.deepEqual([...event.parties].sort(), ['Northland', 'Southland']);
    assert.equal(event.place, 'Midfield');
  });
});

describe('actor mentions', () => {
  test('a name takes a possessive with either apostrophe, and parties inside a hyphenated word count', () => {
    const doc = makeDoc("Peru’s envoy met Chilean officials near Buenos Aires. The Chile-Peru feud is long-standing, and Peru's ally agrees.");
    const found = findActorMentions(doc).map((mention) => [doc.text.slice(mention.start, mention.end), mention.kind, mention.party]);
    assert.deepEqual(found, [
      ['Peru’s', 'country', 'Peru'],
      ['Chilean', 'demonym', 'Chile'],
      ['Buenos Aires', 'capital', 'Argentina'],
      ['Chile', 'country', 'Chile'],
      ['Peru', 'country', 'Peru'],
      ["Peru's", 'country', 'Peru'],
    ]);
  });

  test('a person is found by surname inside a hyphenated word', () => {
    const doc = makeDoc('Ana Ortega and Luis Vidal spoke. The Ortega-Vidal channel stays open.');
    const person = (name: string, party: string): Entity => {
      const start = doc.text.indexOf(name);
      return { id: `person:${name}`, name, kind: 'person', party, roles: [], aliases: [], mentions: [{ start, end: start + name.length, text: name }] };
    };
    const entities = [person('Ana Ortega', 'Chile'), person('Luis Vidal', 'Peru')];
    const inCompound = findActorMentions({ ...doc, entities }).filter((mention) => mention.start > doc.text.indexOf('The'));
    assert.deepEqual(inCompound.map((mention) => [doc.text.slice(mention.start, mention.end), mention.kind, mention.party]), [
      ['Ortega', 'person', 'Chile'],
      ['Vidal', 'person', 'Peru'],
    ]);
  });
});

describe('the stage', () => {
  test('declares what it needs and fills events and plans', () => {
    assert.equal(eventsStage.name, 'events');
    assert.deepEqual([...eventsStage.requires], ['text', 'sentences', 'tokens', 'entities', 'dates', 'quantities']);
    const doc = eventsStage.run(docWith('Chile and Peru held talks in Lima on Monday.', '2024-05-18'), { kb: loadKnowledge() });
    assert.equal(doc.events.length, 1);
    assert.deepEqual(doc.plans, []);
  });
});
