/**
 * A document's text as HTML with every extracted span marked, each span an anchor `id="s-START-END"` so a
 * link can point to the exact words (`/api/documents/ID.html#s-120-134`). All text is escaped.
 *
 * Spans nest (a place inside an event's evidence inside a sentence) and sometimes cross (a time expression
 * running over a sentence end). HTML elements must nest, so a span that crosses one opened before it is
 * closed with it and reopened right after as a continuation fragment: every span keeps one element with its
 * id (its first fragment), and every character of it stays marked.
 */
import { escapeHtml } from '../report/escape.js';

export interface MarkSpan {
  start: number;
  end: number;
  /** CSS classes: the layer ("places") and, for spans inside an item, "places-source" and so on. */
  classes: string[];
  /** Tooltip lines ("place: Mosul (IQ)"). */
  labels: string[];
}

interface Merged {
  start: number;
  end: number;
  classes: Set<string>;
  labels: string[];
}

/** Only letters, digits and dashes: a layer name from stored data becomes a class name, never markup. */
export function className(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'span';
}

/** Merge spans with the same range into one element (one id per range), order outer before inner. */
function mergeSpans(spans: readonly MarkSpan[], length: number): Merged[] {
  const byRange = new Map<string, Merged>();
  for (const s of spans) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > length || s.end < s.start) continue;
    const key = `${s.start}-${s.end}`;
    let m = byRange.get(key);
    if (!m) byRange.set(key, (m = { start: s.start, end: s.end, classes: new Set(), labels: [] }));
    for (const c of s.classes) m.classes.add(className(c));
    for (const l of s.labels) if (!m.labels.includes(l)) m.labels.push(l);
  }
  return [...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

function openTag(m: Merged, first: boolean): string {
  const cls = [...m.classes].join(' ');
  if (!first) return `<span class="${cls} cont">`;
  const title = m.labels.length ? ` title="${escapeHtml(m.labels.join('\n'))}"` : '';
  return `<span id="s-${m.start}-${m.end}" class="${cls}"${title}>`;
}

/** The text with every span marked; see the module comment for crossing spans. */
export function highlight(text: string, spans: readonly MarkSpan[]): string {
  const merged = mergeSpans(spans, text.length);
  const out: string[] = [];
  const stack: Merged[] = [];
  let pos = 0;
  const textTo = (x: number) => {
    if (x > pos) {
      out.push(escapeHtml(text.slice(pos, x)));
      pos = x;
    }
  };
  // Close every open span that ends at or before x, earliest end first; innermost first on equal ends.
  const closeUpTo = (x: number) => {
    for (;;) {
      let k = -1;
      for (let i = 0; i < stack.length; i++) {
        const e = stack[i]!.end;
        if (e <= x && (k < 0 || e <= stack[k]!.end)) k = i;
      }
      if (k < 0) return;
      textTo(stack[k]!.end);
      const above = stack.splice(k + 1);
      out.push('</span>'.repeat(above.length + 1));
      stack.pop();
      for (const a of above) {
        out.push(openTag(a, false));
        stack.push(a);
      }
    }
  };
  for (const m of merged) {
    closeUpTo(m.start);
    textTo(m.start);
    out.push(openTag(m, true));
    stack.push(m);
  }
  closeUpTo(text.length);
  textTo(text.length);
  return out.join('');
}
