// The knowledge loader: default data, lookups, the workspace config merge and its validation errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge, partyOn, rolesOn, type Knowledge } from '../../src/knowledge/index.ts';
import { InputError } from '../../src/doc/errors.ts';

const kb = loadKnowledge();

function writeConfig(value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kb-'));
  const path = join(dir, 'parley.config.json');
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

function party(name: string, knowledge: Knowledge = kb) {
  const record = knowledge.partyByName.get(name.toLowerCase());
  assert.ok(record, `party ${name}`);
  return record;
}

test('every UN member state and the observer states are parties, by their common English name', () => {
  const countries = kb.parties.filter((record) => record.kind === 'country');
  assert.ok(countries.length >= 195, `only ${countries.length} countries`);
  for (const name of ['United States', 'United Kingdom', 'Russia', 'Ukraine', 'China', 'Turkey', 'Vatican', 'Palestine', 'Tuvalu', 'Eswatini']) {
    assert.equal(party(name).name, name);
  }
  assert.equal(party('Russian Federation').name, 'Russia');
  assert.equal(party('UK').name, 'United Kingdom');
});

test('blocs, international bodies, Europe and non-state parties are parties too', () => {
  assert.equal(party('EU').name, 'European Union');
  assert.equal(party('NATO').kind, 'organization');
  assert.equal(party('Europe').kind, 'group');
  assert.equal(party('Europe').european, true);
  assert.equal(party('Hamas').kind, 'group');
  assert.equal(party('France').european, true);
  assert.equal(party('Russia').european, false);
});

test('capitals and metonyms are listed with their party; ambiguous forms are marked', () => {
  assert.equal(party('Russia').capital, 'Moscow');
  assert.ok(party('Russia').metonyms.includes('Kremlin'));
  assert.ok(party('Ukraine').metonyms.includes('Kiev'));
  assert.ok(party('United States').metonyms.includes('White House'));
  assert.ok(party('Jordan').ambiguous.includes('Jordan'));
});

test('people carry spelling variants, a party and date-bounded roles', () => {
  const zelensky = kb.personById.get('person:volodymyr-zelensky');
  assert.ok(zelensky);
  assert.ok(zelensky.aliases.includes('Zelenskyy') && zelensky.aliases.includes('Zelenskiy'));
  assert.equal(zelensky.party, 'Ukraine');
  const trump = kb.personById.get('person:donald-trump');
  assert.ok(trump);
  assert.deepEqual(rolesOn(trump, '2019-06-01').map((role) => role.label), ['President of the United States']);
  assert.deepEqual(rolesOn(trump, '2023-06-01'), []);
  assert.equal(rolesOn(trump, '2025-03-01')[0].titleKey, 'president');
  assert.deepEqual(rolesOn(trump, null).map((role) => role.from), ['2025-01-20']);
  const biden = kb.personById.get('person:joe-biden');
  assert.ok(biden);
  assert.deepEqual(rolesOn(biden, '2022-03-29').map((role) => role.title), ['President']);
});

test('a role with its own party moves the person there for its dates', () => {
  const kallas = kb.personById.get('person:kaja-kallas');
  assert.ok(kallas);
  assert.equal(partyOn(kallas, '2022-05-01'), 'Estonia');
  assert.equal(partyOn(kallas, '2025-05-01'), 'European Union');
});

test('partial dates bound a role by the whole month or year they name', () => {
  const kozak = kb.personById.get('person:dmitry-kozak');
  assert.ok(kozak);
  const role = kozak.roles[0];
  assert.equal(role.to, '2025-09-30');
  assert.equal(role.surelyTo, '2025-09-01');
});

test('people are found by a normalised name key, without initials or suffixes', () => {
  assert.equal(kb.personByNameKey.get('antony blinken')?.[0].id, 'person:antony-blinken');
  assert.equal(kb.personByNameKey.get('lloyd austin')?.[0].id, 'person:lloyd-austin');
});

test('loading the defaults twice returns the same built knowledge', () => {
  assert.equal(loadKnowledge(), kb);
});

test('a workspace config adds parties, people and issues, and joins lists with the defaults', () => {
  const path = writeConfig({
    parties: [
      { name: 'Freedonia', kind: 'country', demonyms: ['Freedonian'], capital: 'Fredville' },
      { name: 'Russia', kind: 'country', metonyms: ['the Russian side'] },
    ],
    people: [
      { id: 'person:rufus-firefly', name: 'Rufus Firefly', aliases: ['Firefly'], party: 'Freedonia', roles: [{ title: 'President', from: '2024-02' }] },
    ],
    issues: [{ id: 'water-rights', label: 'Water rights' }],
  });
  const custom = loadKnowledge({ configPath: path });
  assert.notEqual(custom.version, kb.version);
  assert.equal(party('Freedonia', custom).capital, 'Fredville');
  const russia = party('Russia', custom);
  assert.ok(russia.metonyms.includes('Kremlin') && russia.metonyms.includes('the Russian side'));
  const firefly = custom.personById.get('person:rufus-firefly');
  assert.ok(firefly);
  assert.equal(firefly.roles[0].label, 'President of Freedonia');
  assert.equal(firefly.roles[0].from, '2024-02-01');
  assert.equal(custom.issues.length, kb.issues.length + 1);
  assert.ok(kb.issues.some((issue) => issue.id === 'territory'));
  assert.equal(custom.issues.find((issue) => issue.id === 'water-rights')?.label, 'Water rights');
});

test('config errors name the file and the path of the bad value', () => {
  const badDate = writeConfig({ people: [{ id: 'person:a-b', name: 'A B', party: null, roles: [{ title: 'Envoy', from: '2024-13' }] }] });
  assert.throws(
    () => loadKnowledge({ configPath: badDate }),
    (error: unknown) => error instanceof InputError && error.input === badDate && /people\[0\]\.roles\[0\]\.from/.test(error.message),
  );
  const unknownParty = writeConfig({ people: [{ id: 'person:a-b', name: 'A B', party: 'Atlantis' }] });
  assert.throws(
    () => loadKnowledge({ configPath: unknownParty }),
    (error: unknown) => error instanceof InputError && error.code === 'knowledge:unknown-party' && /people\[0\]\.party.*Atlantis/.test(error.message),
  );
  const badId = writeConfig({ people: [{ id: 'Rufus', name: 'Rufus', party: null }] });
  assert.throws(() => loadKnowledge({ configPath: badId }), /people\[0\]\.id/);
  const unknownField = writeConfig({ partys: [] });
  assert.throws(() => loadKnowledge({ configPath: unknownField }), /partys/);
  const notJson = writeConfig('{ "parties": [');
  assert.throws(() => loadKnowledge({ configPath: notJson }), (error: unknown) => error instanceof InputError && /not valid JSON/.test(error.message));
  const backwards = writeConfig({ people: [{ id: 'person:a-b', name: 'A B', party: null, roles: [{ title: 'Envoy', from: '2024-05', to: '2023' }] }] });
  assert.throws(() => loadKnowledge({ configPath: backwards }), /ends \(2023\) before it starts/);
});
