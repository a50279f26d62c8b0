// Tests for named plans: names, authors, point counts, versions and named points, and the proposal event each brings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '../../src/doc/types.ts';
import { findDates } from '../../src/extract/dates.ts';
import { findEvents } from '../../src/extract/events.ts';
import { makeDoc } from './make-doc.ts';

function findings(text: string): ReturnType<typeof findEvents> {
  const plain = makeDoc(text, { published: '2024-03-04' });
  const doc = { ...plain, dates: findDates(plain).dates };
  const found = findEvents(doc);
  for (const plan of found.plans) {
    for (const span of [plan.evidence, ...plan.mentions, ...plan.versions, ...plan.points]) assert.equal(doc.text.slice(span.start, span.end), span.text);
  }
  return found;
}

function onlyPlan(text: string): Plan {
  const { plans } = findings(text);
  assert.equal(plans.length, 1);
  return plans[0];
}

test('a number-led name before a plan noun is a plan, with its point count', () => {
  const plan = onlyPlan('Diplomats circulated a 12-point plan for the region on Monday.');
  assert.equal(plan.id, 'plan:12-point');
  assert.equal(plan.name, '12-point plan');
  assert.equal(plan.pointCount, 12);
  assert.equal(plan.mentions.length, 1);
});

test('a truce length before a ceasefire word names a proposal', () => {
  const plan = onlyPlan('Both sides are studying the 45-day ceasefire proposal.');
  assert.equal(plan.name, '45-day ceasefire proposal');
  assert.equal(plan.pointCount, null);
});

test('the author comes from a party before the name, inside it, or after "drafted by"', () => {
  assert.equal(onlyPlan("Egypt's 10-point plan was welcomed by the mediators.").author, 'Egypt');
  assert.equal(onlyPlan('The 10-point Egyptian peace plan was welcomed.').author, 'Egypt');
  assert.equal(onlyPlan('The 10-point framework, drafted by Norwegian diplomats, was welcomed.').author, 'Norway');
  assert.equal(onlyPlan('A 10-point framework was welcomed.').author, null);
});

test('mentions of one plan are gathered, and "the draft" refers back to the only plan', () => {
  const plan = onlyPlan(
    "Qatar's 9-point plan was shared with both sides. The 9-point plan has since been revised twice. The draft also calls for a prisoner exchange.",
  );
  assert.equal(plan.mentions.length, 2);
  assert.equal(plan.versions.length, 1);
  assert.match(plan.versions[0].text, /revised twice/);
  assert.equal(plan.points.length, 1);
  assert.match(plan.points[0].text, /prisoner exchange/);
});

test('a plan with an author brings one proposal event by that party', () => {
  const { events } = findings("Qatar's 9-point plan was shared with both sides. Qatar said the 9-point plan was final.");
  const proposals = events.filter((event) => event.type === 'proposal');
  assert.equal(proposals.length, 1);
  assert.deepEqual(proposals[0].parties, ['Qatar']);
  assert.deepEqual(proposals[0].plover, { type: 'AGREE', mode: null });
});

test('numbers before other nouns are no plans', () => {
  assert.deepEqual(findings('The 3-day festival and a 4-point lead made headlines.').plans, []);
});
