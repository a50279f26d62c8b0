// JSON values as the reference scorer (Python) sees them: truthiness, round(), float(), repr() and "{:.2f}".

/** Python's truthiness for a parsed JSON value: null, false, 0, "", [] and {} are false. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

/**
 * Whether `value` lies exactly halfway between two multiples of 10^-digits. Only dyadic rationals are exact
 * doubles, so a tie at `digits` decimals is an odd multiple of 2^-(digits+1) (0.0625 at three decimals, 0.125 at two).
 */
function isExactTie(value: number, digits: number): boolean {
  const scaled = value * 2 ** (digits + 1);
  return Number.isInteger(scaled) && Math.abs(scaled) % 2 === 1;
}

/** `value` rounded to `digits` decimals as a string, as Python's round() and "{:.Nf}" do: ties go to the even digit. */
export function toFixedLikePython(value: number, digits: number): string {
  if (!isExactTie(value, digits)) return value.toFixed(digits); // toFixed is correctly rounded except on exact ties.
  const scale = 10 ** digits;
  const lower = Math.floor(value * scale); // exact: value * scale is a small integer plus one half
  const even = lower % 2 === 0 ? lower : lower + 1;
  return (even / scale).toFixed(digits);
}

/** Python's round(value, digits) for a float. */
export function roundLikePython(value: number, digits: number): number {
  return Number(toFixedLikePython(value, digits));
}

// float() accepts digits with single underscores between them, an optional fraction and exponent, or inf/infinity/nan.
const pythonFloatLiteral = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const pythonSpecialFloat = /^([+-]?)(inf|infinity|nan)$/i;
const pythonSpaceAtEnds = /^[\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** What Python's float(value) gives for a parsed JSON value, or null where it raises (null, objects, lists, non-numeric text). */
export function floatLikePython(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return null;
  const text = value.replace(pythonSpaceAtEnds, '');
  const special = pythonSpecialFloat.exec(text);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  return pythonFloatLiteral.test(text) ? Number(text.replaceAll('_', '')) : null;
}

/** A float as Python's repr() prints it (for the values a score table holds: 1.0, 0.667, 0.0). */
export function reprLikePython(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
