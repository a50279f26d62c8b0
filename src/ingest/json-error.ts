// Turns a JSON.parse failure into a short reason with a line and column, without echoing the input back.

export interface DescribeJsonErrorOptions {
  /** The line number of the first line of `text` in its file (a line of JSON Lines); default 1. */
  firstLine?: number;
}

/** "unexpected end of input … (line 3, column 7)" for a SyntaxError thrown while parsing `text`. */
export function describeJsonError(error: unknown, text: string, options: DescribeJsonErrorOptions = {}): string {
  const firstLine = options.firstLine ?? 1;
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (/Unexpected end of JSON input/i.test(message)) {
    return `unexpected end of input, it looks truncated (${lineAndColumn(text, text.length, firstLine)})`;
  }
  const reason = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
  if (position && Number(position[1]) >= text.trimEnd().length) {
    return `${lowerFirst(reason)} at the very end, it looks truncated (${lineAndColumn(text, Number(position[1]), firstLine)})`;
  }
  return position ? `${lowerFirst(reason)} (${lineAndColumn(text, Number(position[1]), firstLine)})` : `${lowerFirst(reason)}${firstLine === 1 ? '' : ` (line ${firstLine})`}`;
}

function lineAndColumn(text: string, offset: number, firstLine: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length + firstLine - 1;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
