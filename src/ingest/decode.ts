// Turns an input's bytes into text: BOMs, BOM-less UTF-16, UTF-8, then confident legacy-encoding detection; rejects binary and empty inputs.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from '../doc/errors.ts';
import type { Message } from '../doc/types.ts';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
  /** Notes about the decoding (a detected or guessed legacy encoding), to carry on the document. */
  messages: Message[];
}

export interface DecodeOptions {
  /** A charset the transport or the page declared (HTTP header, `<meta charset>`); used when the bytes are not UTF-8. */
  declaredCharset?: string | null;
}

/** Legacy text encodings we trust a detection for: single-byte Latin/Cyrillic/Greek pages and the common CJK ones. */
const legacyEncodingPattern = /^(windows-125\d|iso-8859-\d{1,2}|koi8-[ru]|shift_jis|euc-jp|euc-kr|gb18030|big5|iso-2022-jp)$/i;
/** chardet scores 0–100; single-byte Cyrillic prose scores only 40–50, so the bar is low and the plausibility check does the rest. */
const minimumConfidence = 30;
/** Enough bytes for the detector to see the language; detection cost stays flat on large files. */
const detectionSampleBytes = 64 * 1024;
/** Share of code units with a zero high byte from which BOM-less bytes may be UTF-16 (Cyrillic prose: ~15%, spaces and punctuation). */
const minimumUtf16ZeroShare = 0.1;
/** Share of control bytes above which a BOM-less input is treated as binary. */
const maximumControlShare = 0.01;
/** Share of replacement, C1-control and private-use characters a decoding may produce and still be believed. */
const maximumImplausibleShare = 0.005;
/** Below this share of non-ASCII bytes a text is English-like and windows-1252 (the web's default) is the safe reading. */
const sparseNonAsciiShare = 0.05;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes`; throws `ingest:empty`, `ingest:binary` or `ingest:encoding` naming `input`. */
export function decodeBytes(bytes: Uint8Array, input: string, options: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new InputError('ingest:empty', input, 'the input is empty');
  const decoded = decodeWithBom(bytes, input) ?? decodeWithoutBom(bytes, input, options);
  if (decoded.text.replace(/\uFEFF/g, '').trim() === '') {
    throw new InputError('ingest:empty', input, 'the input holds only whitespace');
  }
  return decoded;
}

function decodeWithBom(bytes: Uint8Array, input: string): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text === null) throw new InputError('ingest:encoding', input, 'starts with a UTF-8 byte-order mark but is not valid UTF-8');
    return { text, encoding: 'utf-8', messages: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', messages: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', messages: [] };
  return null;
}

function decodeWithoutBom(bytes: Uint8Array, input: string, options: DecodeOptions): DecodedText {
  const utf16 = decodeBomlessUtf16(bytes);
  if (utf16) return utf16;
  rejectBinary(bytes, input);
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', messages: [] };

  const declared = options.declaredCharset?.trim().toLowerCase();
  if (declared && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) {
    const text = iconv.decode(Buffer.from(bytes), declared);
    if (isPlausible(text)) {
      return { text, encoding: declared, messages: [note(`decoded as ${declared}, the declared charset`)] };
    }
  }

  const sample = bytes.subarray(0, detectionSampleBytes);
  const [best] = chardet.analyse(sample);
  if (best && best.confidence >= minimumConfidence && legacyEncodingPattern.test(best.name) && iconv.encodingExists(best.name)) {
    // As browsers do, ISO-8859-1 is read as its superset windows-1252, so curly quotes and dashes survive.
    const encoding = best.name.toLowerCase() === 'iso-8859-1' ? 'windows-1252' : best.name.toLowerCase();
    const text = iconv.decode(Buffer.from(bytes), encoding);
    if (isPlausible(text)) {
      return { text, encoding, messages: [note(`not UTF-8; decoded as ${encoding} (detected, ${best.confidence}% confidence)`)] };
    }
  }

  if (nonAsciiShare(sample) <= sparseNonAsciiShare) {
    const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
    if (isPlausible(text)) {
      return {
        text,
        encoding: 'windows-1252',
        messages: [{ rule: 'ingest:encoding', reason: 'not UTF-8 and no confident detection; a few non-ASCII bytes were read as windows-1252', severity: 'warning' }],
      };
    }
  }

  const guess = best ? ` (best guess ${best.name} at ${best.confidence}% confidence)` : '';
  throw new InputError('ingest:encoding', input, `not UTF-8 and the text encoding could not be determined${guess}`);
}

/**
 * UTF-16 written without a byte-order mark, which chardet does not recognise (it guesses ISO-8859-1). Spaces, digits,
 * punctuation and Latin letters have a zero high byte, so in such text NUL bytes fall on one side of every code unit
 * and hardly ever on the other; binary data has them on both. Text with few such characters (Chinese or Japanese with
 * full-width punctuation) is not recognised and is rejected as binary, as before.
 */
function decodeBomlessUtf16(bytes: Uint8Array): DecodedText | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, detectionSampleBytes);
  const units = sample.length / 2;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  // A few NULs in a short input are no evidence: at least eight are asked for.
  const side = (high: number, low: number) => high >= 8 && high >= units * minimumUtf16ZeroShare && low * 10 <= high;
  const encoding = side(oddZeros, evenZeros) ? 'utf-16le' : side(evenZeros, oddZeros) ? 'utf-16be' : null;
  if (encoding === null) return null;
  const text = iconv.decode(Buffer.from(bytes), encoding);
  if (!isPlausible(text) || controlShare(text) > maximumControlShare) return null;
  return { text, encoding, messages: [note(`no byte-order mark; decoded as ${encoding} (zero bytes on one side of every other code unit)`)] };
}

/** Tab, line feed, vertical tab, form feed, carriage return and escape (ISO-2022) occur in real text; other controls rarely. */
function isStrayControl(code: number): boolean {
  return code < 0x20 && (code < 0x09 || code > 0x0d) && code !== 0x1b;
}

function controlShare(text: string): number {
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) if (isStrayControl(text.charCodeAt(index))) controls += 1;
  return controls / text.length;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** NUL bytes never occur in BOM-less text other than UTF-16 (tried before); other control bytes only rarely. */
function rejectBinary(bytes: Uint8Array, input: string): void {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) throw new InputError('ingest:binary', input, 'looks like a binary file (contains NUL bytes), not text');
    if (isStrayControl(byte)) controls += 1;
  }
  if (controls > bytes.length * maximumControlShare) {
    throw new InputError('ingest:binary', input, 'looks like a binary file (many control bytes), not text');
  }
}

function isPlausible(text: string): boolean {
  let implausible = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd || (code >= 0x80 && code <= 0x9f) || (code >= 0xe000 && code <= 0xf8ff)) implausible += 1;
  }
  return implausible <= text.length * maximumImplausibleShare;
}

function nonAsciiShare(bytes: Uint8Array): number {
  let high = 0;
  for (const byte of bytes) if (byte >= 0x80) high += 1;
  return high / bytes.length;
}

function note(reason: string): Message {
  return { rule: 'ingest:encoding', reason, severity: 'info' };
}
