// normaliseSpelling folds British and American variants together without touching unrelated words or token boundaries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseSpelling } from '../../src/store/spelling.ts';

describe('normaliseSpelling', () => {
  const sameForm = (a: string, b: string) => assert.equal(normaliseSpelling(a), normaliseSpelling(b), `${a} / ${b}`);

  it('folds -ise/-ize, -isation/-ization and -yse/-yze families', () => {
    sameForm('demilitarised', 'demilitarized');
    sameForm('demilitarisation', 'demilitarization');
    sameForm('recognises', 'recognizes');
    sameForm('organising', 'organizing');
    sameForm('analyse', 'analyze');
    sameForm('paralysed', 'paralyzed');
  });

  it('folds -our, -tre, -logue, doubled l and listed words', () => {
    sameForm('colour', 'color');
    sameForm('favourable', 'favorable');
    sameForm('labourers', 'laborers');
    sameForm('centres', 'centers');
    sameForm('theatre', 'theater');
    sameForm('dialogue', 'dialog');
    sameForm('catalogues', 'catalogs');
    sameForm('travelled', 'traveled');
    sameForm('cancelling', 'canceling');
    sameForm('defence', 'defense');
    sameForm('programmes', 'programs');
    sameForm('sceptical', 'skeptical');
  });

  it('leaves words alone that only look like variants', () => {
    for (const word of ['four', 'hour', 'your', 'tour', 'contour', 'wise', 'rise', 'promise', 'exercise', 'size', 'prize', 'seize', 'killed', 'filled', 'called', 'fence', 'genre', 'citizen']) {
      assert.equal(normaliseSpelling(word), word, word);
    }
    assert.notEqual(normaliseSpelling('four'), normaliseSpelling('for'));
    assert.notEqual(normaliseSpelling('filled'), normaliseSpelling('filed'));
  });

  it('keeps case, punctuation and word boundaries of the text', () => {
    assert.equal(normaliseSpelling('Demilitarized zone, DEFENCE ministers, Colour-coded maps.'), 'Demilitarised zone, DEFENSE ministers, Color-coded maps.');
    const text = 'The centre of the demilitarized zone: a dialogue about labour and defence.';
    const words = (value: string) => value.split(/[^\p{L}\p{N}]+/u).length;
    assert.equal(words(normaliseSpelling(text)), words(text));
  });

  it('returns unrelated text unchanged', () => {
    const text = 'Envoys met for five hours; 600,000 troops remain.';
    assert.equal(normaliseSpelling(text), text);
  });

  it('folds plain text as it folds the same words beside letters outside ASCII', () => {
    const plain = 'The organisation travelled to the centre to analyse the programme.';
    const accented = 'Élysée: the organisation travelled to the centre to analyse the programme.';
    assert.equal(normaliseSpelling(plain), 'The organisation traveled to the center to analyse the program.');
    assert.equal(normaliseSpelling(accented), `Élysée: ${normaliseSpelling(plain).replace(/^The/, 'the')}`);
  });
});
