import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { InputError } from '../../src/doc/errors.ts';
import { decodeBytes } from '../../src/ingest/decode.ts';

const englishWithAccents =
  'The café on the quay hosted the négociations again on Monday; the mediator called the mood “cautious” — and said a résumé of the draft would follow.';
const russian = 'Переговоры о рыболовных квотах продолжились в понедельник, и обе стороны договорились встретиться снова через неделю.';

/** Deterministic bytes that look random (a linear congruential generator), so the test never depends on luck. */
function noiseBytes(length: number, { highOnly = false } = {}): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const byte = (state >>> 16) & 0xff;
    bytes[index] = highOnly ? 0x80 | byte : byte;
  }
  return bytes;
}

function decodeError(bytes: Uint8Array): InputError {
  try {
    decodeBytes(bytes, 'sample.txt');
  } catch (error) {
    assert.ok(error instanceof InputError);
    assert.equal(error.input, 'sample.txt');
    return error;
  }
  assert.fail('expected an InputError');
}

test('valid UTF-8 passes through unchanged', () => {
  const decoded = decodeBytes(Buffer.from(englishWithAccents, 'utf8'), 'a.txt');
  assert.equal(decoded.text, englishWithAccents);
  assert.equal(decoded.encoding, 'utf-8');
  assert.deepEqual(decoded.messages, []);
});

test('byte-order marks for UTF-8, UTF-16LE and UTF-16BE are honoured and dropped', () => {
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(russian, 'utf8')]);
  assert.equal(decodeBytes(utf8, 'a.txt').text, russian);
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(russian, 'utf-16le')]);
  assert.equal(decodeBytes(utf16le, 'a.txt').text, russian);
  const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(russian, 'utf-16be')]);
  assert.equal(decodeBytes(utf16be, 'a.txt').text, russian);
});

test('UTF-16 without a byte-order mark is recognised, little- and big-endian, Latin and Cyrillic', () => {
  for (const text of [englishWithAccents, russian]) {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const decoded = decodeBytes(iconv.encode(text, encoding), 'a.txt');
      assert.equal(decoded.text, text, `${encoding}: ${text.slice(0, 20)}`);
      assert.equal(decoded.encoding, encoding);
      assert.match(decoded.messages[0]?.reason ?? '', new RegExp(`no byte-order mark; decoded as ${encoding}`));
    }
  }
  // NULs on both sides of the code units, or text that decodes to control characters, stay binary.
  assert.equal(decodeError(noiseBytes(4096)).code, 'ingest:binary');
  assert.equal(decodeError(iconv.encode('\u0001\u0002\u0003\u0004 packed header fields', 'utf-16le')).code, 'ingest:binary');
  assert.equal(decodeError(Buffer.from('short\u0000text', 'latin1')).code, 'ingest:binary');
});

test('windows-1252 text is detected and decoded, with a note on the document', () => {
  const decoded = decodeBytes(iconv.encode(englishWithAccents, 'windows-1252'), 'a.txt');
  assert.equal(decoded.text, englishWithAccents);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.equal(decoded.messages[0].rule, 'ingest:encoding');
});

test('windows-1251 Cyrillic text is detected and decoded', () => {
  const decoded = decodeBytes(iconv.encode(russian, 'windows-1251'), 'a.txt');
  assert.equal(decoded.text, russian);
  assert.equal(decoded.encoding, 'windows-1251');
});

test('a charset declared by the transport is used when the bytes are not UTF-8', () => {
  const decoded = decodeBytes(iconv.encode(russian, 'koi8-r'), 'a.txt', { declaredCharset: 'KOI8-R' });
  assert.equal(decoded.text, russian);
});

test('empty and whitespace-only inputs are rejected as empty', () => {
  assert.equal(decodeError(new Uint8Array(0)).code, 'ingest:empty');
  assert.equal(decodeError(Buffer.from(' \n\t \r\n ')).code, 'ingest:empty');
  assert.equal(decodeError(Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a])).code, 'ingest:empty');
});

test('bytes with NULs are rejected as binary', () => {
  assert.equal(decodeError(noiseBytes(4096)).code, 'ingest:binary');
  assert.equal(decodeError(Buffer.from('PNG header\u0000\u0000 then pixels', 'latin1')).code, 'ingest:binary');
});

test('high bytes that decode as nothing plausible are rejected as an unknown encoding', () => {
  const error = decodeError(noiseBytes(4096, { highOnly: true }));
  assert.equal(error.code, 'ingest:encoding');
  assert.match(error.message, /encoding/);
});

test('an invalid UTF-8 sequence after a UTF-8 byte-order mark is an encoding error', () => {
  assert.equal(decodeError(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28, 0x41])).code, 'ingest:encoding');
});
