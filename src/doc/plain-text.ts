// Whether a text can take the fast, ASCII-only path of word patterns.

/**
 * Texts of ASCII and typographic quotes and dashes (most English news): their letters and digits are ASCII ones and
 * Unicode decomposition leaves them as they are, so a plain pattern finds their words, in about half the time of a
 * Unicode-property one.
 */
const plainText = /^[\x00-\x7f\u2013\u2014\u2018\u2019\u201c\u201d]*$/;

export function isPlainText(text: string): boolean {
  return plainText.test(text);
}
