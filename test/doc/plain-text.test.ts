// Plain text (ASCII with typographic quotes and dashes) is told apart from text with other letters or marks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlainText } from '../../src/doc/plain-text.ts';

describe('isPlainText', () => {
  it('accepts ASCII and the quotes and dashes of typeset English', () => {
    assert.equal(isPlainText('The envoys met in Geneva on Tuesday.'), true);
    assert.equal(isPlainText('\u201cNo deal\u201d \u2014 the minister\u2019s words \u2013 stood.'), true);
    assert.equal(isPlainText(''), true);
  });

  it('refuses letters outside ASCII, combining marks and other symbols', () => {
    assert.equal(isPlainText('Zelensky met Macron at the Élysée.'), false);
    assert.equal(isPlainText('Cafe\u0301 talks'), false);
    assert.equal(isPlainText('Київ'), false);
    assert.equal(isPlainText('a 20\u202fbillion fund'), false);
  });
});
