// Folds British/American spelling variants to one form, applied to indexed text and to queries alike.
// Each word maps to exactly one word, so the token positions of the folded text line up with
// the original: the index holds folded text while snippets and highlights show the original.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { boundedMemo } from '../doc/bounded-memo.ts';
import { isPlainText } from '../doc/plain-text.ts';
import { join, dirname } from 'node:path';

interface SpellingRules {
  words: Record<string, string>;
  ourStems: string[];
  doubledLStems: string[];
  doubledLEndings: string[];
  suffixes: { pattern: string; replace: string }[];
}

interface CompiledRules {
  words: Map<string, string>;
  ourStem: RegExp;
  doubledL: RegExp;
  suffixes: { pattern: RegExp; replace: string }[];
}

let compiled: CompiledRules | null = null;

function rules(): CompiledRules {
  if (compiled) return compiled;
  const path = join(dirname(fileURLToPath(import.meta.url)), 'spelling-rules.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as SpellingRules;
  const stems = data.ourStems.map((stem) => stem.slice(0, -3)).join('|');
  compiled = {
    words: new Map(Object.entries(data.words)),
    ourStem: new RegExp(`^(${stems})our`),
    doubledL: new RegExp(`^(${data.doubledLStems.join('|')})l(${data.doubledLEndings.join('|')})$`),
    suffixes: data.suffixes.map((rule) => ({ pattern: new RegExp(rule.pattern), replace: rule.replace })),
  };
  return compiled;
}

function applyRules(lower: string): string {
  const { words, ourStem, doubledL, suffixes } = rules();
  const word = words.get(lower);
  if (word !== undefined) return word;
  if (ourStem.test(lower)) return lower.replace(ourStem, '$1or');
  if (doubledL.test(lower)) return lower.replace(doubledL, '$1$2');
  for (const suffix of suffixes) {
    if (suffix.pattern.test(lower)) return lower.replace(suffix.pattern, suffix.replace);
  }
  return lower;
}

/**
 * Words folded so far. Every stored sentence is folded, and news repeats its words: a word met before is
 * one lookup instead of six pattern tests. A long ingest keeps at most 50,000.
 */
const foldWord = boundedMemo(applyRules, 50_000);

/** Keeps the folded word's case close to the original's (the index lowercases anyway; this keeps output readable). */
function matchCase(original: string, folded: string): string {
  if (original === original.toUpperCase()) return folded.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return folded[0].toUpperCase() + folded.slice(1);
  return folded;
}

/** Words spelling rules can change: four letters or more (of plain text, ASCII ones). */
const foldable = /\p{L}{4,}/gu;
const plainFoldable = /[A-Za-z]{4,}/g;

/** `text` with each spelling variant replaced by its one folded form ("demilitarized" → "demilitarised", "colour" → "color"). */
export function normaliseSpelling(text: string): string {
  return text.replace(isPlainText(text) ? plainFoldable : foldable, (original) => {
    const lower = original.toLowerCase();
    const folded = foldWord(lower);
    return folded === lower ? original : matchCase(original, folded);
  });
}
