import { Parser } from 'htmlparser2';
import { SegmentBuilder, type SourceSegment } from './source-map.js';

/**
 * Serialising HTML as text block by block, the way a reader sees the page: each paragraph, heading, list
 * item, table row or quotation becomes a block, blocks are separated by a blank line, a <br> is a line
 * break, runs of whitespace inside a block collapse to one space. A list item starts with "- " so the
 * sentence splitter (src/nlp/blocks.ts) sees a bullet. Every character taken from the page is mapped back to
 * where it stood in the source (./source-map.ts); separators the writer adds are not.
 */

/** Elements that start and end a block. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

/** Elements whose content is never text a reader sees. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'picture', 'map', 'button', 'select', 'option', 'input', 'textarea', 'head', 'title', 'meta', 'link', 'base', 'frameset',
]);

/** Page chrome dropped when no main-content extraction ran (fallback path). */
export const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'dialog']);
const CHROME_ROLES = /^(?:navigation|banner|contentinfo|complementary|search|dialog|alertdialog|menu|menubar)$/i;

const WS = /[ \t\n\r\f]+|[^ \t\n\r\f]+/g;
const ALL_WS = /^[ \t\n\r\f]*$/;

export interface Extracted {
  text: string;
  segments: SourceSegment[];
}

export class TextWriter {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly segs = new SegmentBuilder();
  private blockHasText = false;
  private pendingBreak: 'block' | 'line' | null = null;
  private pendingPrefix: string | null = null;
  private pendingSpace: { start: number; end: number; exact: boolean } | null = null;
  /** Depth of <pre> elements: whitespace is kept inside them. */
  pre = 0;

  /** End the current block; the next text starts a new one, with `prefix` ("- ") if given. */
  block(prefix?: string): void {
    if (this.length > 0) this.pendingBreak = 'block';
    this.pendingSpace = null;
    this.pendingPrefix = prefix ?? null;
    this.blockHasText = false;
  }

  /** A <br>: a line break inside the block; two in a row end the block. */
  line(): void {
    if (!this.blockHasText) {
      if (this.pendingBreak === 'line') this.pendingBreak = 'block';
      return;
    }
    if (this.pendingBreak === 'line') {
      this.pendingBreak = 'block';
      this.blockHasText = false;
    } else this.pendingBreak = 'line';
    this.pendingSpace = null;
  }

  private emit(s: string, src: { start: number; end: number; exact: boolean } | null): void {
    if (src) this.segs.add(this.length, this.length + s.length, src.start, src.end, src.exact);
    this.parts.push(s);
    this.length += s.length;
  }

  private flush(): void {
    if (this.pendingBreak) {
      if (this.length > 0) this.emit(this.pendingBreak === 'block' ? '\n\n' : '\n', null);
      if (this.pendingBreak === 'block' && this.pendingPrefix) this.emit(this.pendingPrefix, null);
      this.pendingBreak = null;
      this.pendingPrefix = null;
      this.pendingSpace = null;
    } else if (!this.blockHasText && this.pendingPrefix) {
      this.emit(this.pendingPrefix, null);
      this.pendingPrefix = null;
    }
    if (this.pendingSpace && this.blockHasText) this.emit(' ', this.pendingSpace);
    this.pendingSpace = null;
  }

  /**
   * Text from the page. `sourceStart` is where `data` starts in the source; `exact` says that the source
   * holds exactly `data` there (plain text), otherwise `data` came from `[sourceStart, sourceEnd)` as a whole
   * (an entity). Null when the text has no known place in the source.
   */
  text(data: string, sourceStart: number | null, sourceEnd: number | null, exact: boolean): void {
    if (!data) return;
    if (this.pre > 0) {
      this.flush();
      this.emit(data, sourceStart === null ? null : exact ? { start: sourceStart, end: sourceStart + data.length, exact: true } : { start: sourceStart, end: sourceEnd!, exact: false });
      this.blockHasText = true;
      return;
    }
    if (!exact) {
      const src = sourceStart === null ? null : { start: sourceStart, end: sourceEnd!, exact: false };
      if (ALL_WS.test(data)) {
        if (this.blockHasText && !this.pendingSpace && !this.pendingBreak) this.pendingSpace = src ?? { start: 0, end: 0, exact: false };
        return;
      }
      this.flush();
      this.emit(data, src);
      this.blockHasText = true;
      return;
    }
    WS.lastIndex = 0;
    for (let m = WS.exec(data); m; m = WS.exec(data)) {
      const run = m[0];
      const at = sourceStart === null ? null : sourceStart + m.index;
      if (ALL_WS.test(run)) {
        if (this.blockHasText && !this.pendingSpace && !this.pendingBreak) {
          this.pendingSpace = at === null ? { start: 0, end: 0, exact: false } : { start: at, end: at + run.length, exact: run === ' ' };
        }
        continue;
      }
      this.flush();
      this.emit(run, at === null ? null : { start: at, end: at + run.length, exact: true });
      this.blockHasText = true;
    }
  }

  finish(): Extracted {
    // A space with no source (the placeholder above) must not become a segment: drop empty ranges.
    const segments = this.segs.segments.filter((s) => s.sourceEnd > s.sourceStart || s.exact);
    return { text: this.parts.join(''), segments };
  }
}

/**
 * Extract text straight from the parser's events: for HTML fragments (feed item descriptions) and for pages
 * too deep or too large to hand to Readability. No DOM and no recursion, so any depth is safe; the work is
 * linear in the size of the page.
 */
export function extractFromHtml(source: string, opts: { dropChrome?: boolean } = {}): Extracted {
  const w = new TextWriter();
  let skip = 0;
  // Which open elements started a skip or a block, to undo it at the matching close.
  const stack: number[] = [];
  const SKIP = 1;
  const BLOCK = 2;
  const PRE = 4;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        let flags = 0;
        const chrome = opts.dropChrome && (CHROME_TAGS.has(tag) || CHROME_ROLES.test(attrs.role ?? '') || attrs.hidden !== undefined || attrs['aria-hidden'] === 'true');
        if (skip > 0 || SKIP_TAGS.has(tag) || chrome) {
          flags |= SKIP;
          skip++;
        } else if (tag === 'br') w.line();
        else if (BLOCK_TAGS.has(tag)) {
          flags |= BLOCK;
          w.block(tag === 'li' ? '- ' : undefined);
          if (tag === 'pre') {
            flags |= PRE;
            w.pre++;
          }
        }
        stack.push(flags);
      },
      onclosetag() {
        const flags = stack.pop() ?? 0;
        if (flags & SKIP) skip--;
        if (flags & PRE) w.pre--;
        if (flags & BLOCK) w.block();
      },
      ontext(data) {
        if (skip > 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        w.text(data, start, end, end - start === data.length && source.startsWith(data, start));
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.write(source);
  parser.end();
  return w.finish();
}
