// Checks that an XML document's tags nest and close, so a truncated or garbled feed is refused with a line number.

export interface XmlStructureError {
  reason: string;
  line: number;
}

/**
 * HTML void elements, which sloppy feeds leave unclosed in unescaped descriptions: their tags are not balanced, so such
 * feeds still read (RSS's own <link> and <source> are balanced by the parser anyway).
 */
const voidHtmlElements = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'source', 'wbr', 'area', 'base', 'col', 'embed', 'param', 'track']);

const namePattern = /^[A-Za-z_][\w:.-]*/;

/** The first place where `xml` stops nesting properly (a mismatched or missing end tag, an unterminated section), or null. */
export function findXmlStructureError(xml: string): XmlStructureError | null {
  const open: string[] = [];
  let at = xml.indexOf('<');
  while (at !== -1) {
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at + 4);
      if (end === -1) return errorAt(xml, at, 'a comment is never closed; the file looks truncated');
      at = xml.indexOf('<', end + 3);
      continue;
    }
    if (xml.startsWith('<![CDATA[', at)) {
      const end = xml.indexOf(']]>', at + 9);
      if (end === -1) return errorAt(xml, at, 'a CDATA section is never closed; the file looks truncated');
      at = xml.indexOf('<', end + 3);
      continue;
    }
    if (xml.startsWith('<?', at)) {
      const end = xml.indexOf('?>', at + 2);
      if (end === -1) return errorAt(xml, at, 'a processing instruction is never closed');
      at = xml.indexOf('<', end + 2);
      continue;
    }
    if (xml.startsWith('<!', at)) {
      const end = declarationEnd(xml, at);
      if (end === -1) return errorAt(xml, at, 'a declaration is never closed');
      at = xml.indexOf('<', end + 1);
      continue;
    }
    const closing = xml[at + 1] === '/';
    const name = namePattern.exec(xml.slice(at + (closing ? 2 : 1), at + 200))?.[0];
    if (name === undefined) {
      // A stray "<" in text: the parser is lenient about it, so are we.
      at = xml.indexOf('<', at + 1);
      continue;
    }
    const end = tagEnd(xml, at);
    if (end === -1) return errorAt(xml, at, `the tag <${closing ? '/' : ''}${name}> is never closed; the file looks truncated`);
    if (voidHtmlElements.has(name.toLowerCase())) {
      at = xml.indexOf('<', end + 1);
      continue;
    }
    if (closing) {
      const expected = open.pop();
      if (expected === undefined) return errorAt(xml, at, `</${name}> closes nothing`);
      if (expected !== name) return errorAt(xml, at, `found </${name}> where </${expected}> was expected`);
    } else if (xml[end - 1] !== '/') {
      open.push(name);
    }
    at = xml.indexOf('<', end + 1);
  }
  if (open.length > 0) return errorAt(xml, xml.length, `the file ends before </${open[0]}>; it looks truncated`);
  return null;
}

/** The index of the `>` ending the tag at `start`, skipping `>` inside quoted attribute values; -1 when missing. */
function tagEnd(xml: string, start: number): number {
  let quote: string | null = null;
  for (let index = start + 1; index < xml.length; index += 1) {
    const char = xml[index];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index;
    } else if (char === '<') {
      return -1;
    }
  }
  return -1;
}

/** The end of `<!DOCTYPE …>`, including an internal subset in brackets. */
function declarationEnd(xml: string, start: number): number {
  let depth = 0;
  for (let index = start + 2; index < xml.length; index += 1) {
    const char = xml[index];
    if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    else if (char === '>' && depth <= 0) return index;
  }
  return -1;
}

function errorAt(xml: string, offset: number, reason: string): XmlStructureError {
  let line = 1;
  for (let index = 0; index < offset && index < xml.length; index += 1) if (xml.charCodeAt(index) === 10) line += 1;
  return { reason, line };
}
