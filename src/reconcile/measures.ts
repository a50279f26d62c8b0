// What a reported number counts ("killed", "killed or injured"), read from the words next to it in its sentence.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quantity } from '../doc/types.ts';
import { wordsOf } from './shingles.ts';

interface MeasureWords {
  window: { wordsBefore: number; wordsAfter: number };
  measures: { measure: string; cues: string[] }[];
}

interface MeasureLexicon {
  window: MeasureWords['window'];
  /** Cues as word lists, longest first, each with its measure. */
  cues: { words: string[]; measure: string }[];
}

let lexicon: MeasureLexicon | null = null;

function loadLexicon(): MeasureLexicon {
  if (lexicon) return lexicon;
  const path = join(dirname(fileURLToPath(import.meta.url)), 'measure-words.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as MeasureWords;
  const cues = data.measures.flatMap(({ measure, cues: phrases }) => phrases.map((phrase) => ({ words: wordsOf(phrase), measure })));
  cues.sort((a, b) => b.words.length - a.words.length);
  lexicon = { window: data.window, cues };
  return lexicon;
}

function findCue(words: readonly string[]): string | null {
  const { cues } = loadLexicon();
  for (const cue of cues) {
    for (let i = 0; i + cue.words.length <= words.length; i++) {
      if (cue.words.every((word, k) => words[i + k] === word)) return cue.measure;
    }
  }
  return null;
}

/**
 * The measure a quantity counts: from its `about` when that names one, else from the few words
 * before and after the number in its evidence sentence; null when neither does.
 */
export function measureOf(quantity: Pick<Quantity, 'about' | 'text' | 'evidence'>): string | null {
  const fromAbout = quantity.about ? findCue(wordsOf(quantity.about)) : null;
  const { window } = loadLexicon();
  const sentence = quantity.evidence.text;
  const at = sentence.indexOf(quantity.text);
  if (at < 0) return fromAbout;
  const before = wordsOf(sentence.slice(0, at)).slice(-window.wordsBefore);
  const after = wordsOf(sentence.slice(at + quantity.text.length)).slice(0, window.wordsAfter);
  const around = findCue([...before, ...wordsOf(quantity.text), ...after]);
  // The wider reading wins when it contains the narrower one ("killed" in about, "killed or injured" around).
  if (fromAbout && around && around !== fromAbout && around.includes(fromAbout)) return around;
  return fromAbout ?? around;
}
