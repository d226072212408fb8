import type { Span } from '../core/span.js';

/**
 * Blocks are the layout units of a text: paragraphs, headings and bullets. A sentence never crosses a
 * block boundary. Plain-text news is messy: a line break may end a paragraph, a heading or a bullet,
 * or may be a soft wrap inside a sentence ("284 men and boys\nas the coalition tightened").
 */
export interface Block extends Span {
  kind: 'text' | 'heading' | 'bullet';
}

const BULLET = /^(?:[-*•·–—‣▪●◦]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)/u;
const TERMINAL = /[.!?:;…"'”’)\]]$/u;
// A line that continues the previous one starts with a lower-case letter or with punctuation that cannot open a sentence.
const CONTINUATION = /^(?:\p{Ll}|[,;:)\]—–%])/u;

interface Line extends Span {
  blank: boolean;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r|\u2028|\u2029/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index, blank: text.slice(start, m.index).trim() === '' });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, blank: text.slice(start).trim() === '' });
  return out;
}

function trimmed(text: string, l: Span): Span {
  let { start, end } = l;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

function wordCount(s: string): number {
  return s.split(/\s+/u).filter(Boolean).length;
}

/** A short line without final punctuation, written like a title, reads as a heading. */
function looksLikeHeading(s: string): boolean {
  if (TERMINAL.test(s) && !/["'”’]$/u.test(s)) return false;
  const n = wordCount(s);
  return n > 0 && n <= 12 && /^[\p{Lu}\p{N}"'‘“]/u.test(s);
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const flush = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const line of lines(text)) {
    if (line.blank) {
      flush();
      continue;
    }
    const t = trimmed(text, line);
    const s = text.slice(t.start, t.end);
    const bullet = BULLET.test(s);
    if (current) {
      const prev: string = text.slice(current.start, current.end);
      const soft = !bullet && CONTINUATION.test(s) && current.kind !== 'heading';
      const prevOpen = !TERMINAL.test(prev) && !looksLikeHeading(prev);
      // A hard-wrapped paragraph: the previous line stops mid-sentence and is too long to be a title.
      if (soft || (prevOpen && current.kind === 'text' && !bullet)) {
        current.end = t.end;
        continue;
      }
      flush();
    }
    current = { start: t.start, end: t.end, kind: bullet ? 'bullet' : 'text' };
  }
  flush();
  // A one-line block that reads like a title and is followed by more text is a heading.
  for (let i = 0; i < blocks.length - 1; i++) {
    const b = blocks[i]!;
    if (b.kind === 'text' && looksLikeHeading(text.slice(b.start, b.end)) && !/\n/u.test(text.slice(b.start, b.end))) {
      b.kind = 'heading';
    }
  }
  return blocks;
}
