// An article's cleaned text with evidence spans marked: always rendered as text nodes, never parsed as HTML.
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface TextRange {
  start: number;
  end: number;
}

interface Segment {
  start: number;
  end: number;
  marked: boolean;
  focused: boolean;
}

function validRange(range: TextRange | null, length: number): range is TextRange {
  return range !== null && range.start >= 0 && range.end <= length && range.end > range.start;
}

/** Cuts `length` characters at every range boundary (and at `extraCuts`), noting which pieces lie inside a range and inside the focus. */
export function segmentText(length: number, ranges: readonly TextRange[], focus: TextRange | null, extraCuts: readonly number[] = []): Segment[] {
  const valid = ranges.filter((range) => validRange(range, length));
  const focusRange = validRange(focus, length) ? focus : null;
  const cuts = new Set([0, length, ...extraCuts]);
  for (const range of focusRange ? [...valid, focusRange] : valid) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  const points = [...cuts].filter((point) => point >= 0 && point <= length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const inside = (range: TextRange) => range.start <= start && end <= range.end;
    const focused = focusRange !== null && inside(focusRange);
    segments.push({ start, end, marked: focused || valid.some(inside), focused });
  }
  return segments;
}

/** Paragraph bounds of `text`: runs between newlines, the newline itself left between them. */
function paragraphs(text: string): TextRange[] {
  const found: TextRange[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      found.push({ start, end: i });
      start = i + 1;
    }
  }
  return found;
}

export function ArticleText(props: { text: string; ranges: readonly TextRange[]; focus: TextRange | null }) {
  const focusRef = useRef<HTMLElement>(null);
  const focusKey = props.focus ? `${props.focus.start}-${props.focus.end}` : '';
  useEffect(() => {
    focusRef.current?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [focusKey, props.text]);
  const { text } = props;
  const newlines = paragraphs(text).flatMap((paragraph) => [paragraph.end, paragraph.end + 1]);
  const segments = segmentText(text.length, props.ranges, props.focus, newlines);
  let focusAssigned = false;
  // Each paragraph is a block; the newline between two stays in the text (so copying keeps it) but is not drawn.
  return (
    <div class="article-text" data-testid="article-text">
      {paragraphs(text).map((paragraph, index) => (
        <Fragment key={paragraph.start}>
          {index > 0 ? '\n' : null}
          <span class="para">
            {segments
              .filter((segment) => segment.start >= paragraph.start && segment.end <= paragraph.end && segment.end > segment.start)
              .map((segment) => {
                const piece = text.slice(segment.start, segment.end);
                if (!segment.marked) return piece;
                const isFirstFocus = segment.focused && !focusAssigned;
                if (isFirstFocus) focusAssigned = true;
                return (
                  <mark key={segment.start} class={segment.focused ? 'evidence focus' : 'evidence'} ref={isFirstFocus ? focusRef : undefined}>
                    {piece}
                  </mark>
                );
              })}
          </span>
        </Fragment>
      ))}
    </div>
  );
}
