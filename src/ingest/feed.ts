import { Parser } from 'htmlparser2';
import { normalisePublished } from './date-parse.js';
import { safeUrl } from './html-meta.js';
import { extractFromHtml, TextWriter } from './html-text.js';
import { composeMaps, SegmentBuilder, type SourceSegment } from './source-map.js';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry is a document. Its text is the title (a
 * heading block) and the body — `content:encoded` or Atom `content`, else `description` or `summary` —
 * whose HTML is reduced to text like a page fragment (scripts and styles dropped, blocks kept). The item
 * date (`pubDate`, `dc:date`, Atom `published`, else `updated`) is its publication date.
 *
 * Safety: the XML parser knows no DTD, so declared entities are never expanded (a "billion laughs" feed
 * stays a few bytes of literal text); only the five XML entities and numeric references are decoded. Links
 * other than absolute http(s) (`javascript:`, `data:`) are dropped.
 *
 * Segments map each item's text back into the feed file (UTF-16 offsets into the decoded feed).
 */
export interface FeedItem {
  index: number;
  id: string | null;
  title: string | null;
  url: string | null;
  author: string | null;
  /** The outlet: the item's <source>, else the channel title. */
  source: string | null;
  /** Normalised publication date, or null when the item has none (the channel's date is never used). */
  published: string | null;
  /** The item's date as written, when it could not be read as a date. */
  badDate: string | null;
  text: string;
  segments: SourceSegment[];
  /** Source range of the whole item element. */
  start: number;
  end: number;
}

export interface Feed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
  /** Items beyond the limit, not read. */
  skipped: number;
}

interface Piece {
  data: string;
  start: number;
  end: number;
  exact: boolean;
}

interface Field {
  name: string;
  attrs: Record<string, string>;
  pieces: Piece[];
  /** Source range of the element's content. */
  innerStart: number;
  innerEnd: number;
  /** The field had child elements (inline XHTML or unescaped HTML): read its raw source as HTML. */
  markup: boolean;
}

const ITEM = new Set(['item', 'entry']);
const BODY_ORDER = ['content:encoded', 'content', 'description', 'summary', 'atom:content', 'atom:summary'];
const DATE_ORDER = ['pubdate', 'dc:date', 'published', 'issued', 'atom:published', 'updated', 'atom:updated', 'modified'];

function plain(f: Field | undefined): string | null {
  if (!f) return null;
  const s = f.pieces.map((p) => p.data).join('').replace(/\s+/g, ' ').trim();
  return s || null;
}

/** The field's content as a string, with a map from that string back to the feed. */
function contentOf(f: Field, source: string): { html: string; map: SourceSegment[] } {
  if (f.markup) {
    return { html: source.slice(f.innerStart, f.innerEnd), map: [{ start: 0, end: f.innerEnd - f.innerStart, sourceStart: f.innerStart, sourceEnd: f.innerEnd, exact: true }] };
  }
  const b = new SegmentBuilder();
  let at = 0;
  for (const p of f.pieces) {
    b.add(at, at + p.data.length, p.start, p.end, p.exact);
    at += p.data.length;
  }
  return { html: f.pieces.map((p) => p.data).join(''), map: b.segments };
}

function shift(segs: SourceSegment[], by: number): SourceSegment[] {
  return segs.map((s) => ({ ...s, start: s.start + by, end: s.end + by }));
}

// Titles are plain text by the RSS spec, but many feeds put escaped HTML in them ("&amp;amp;", "<b>").
const LOOKS_HTML = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});|<\/?[a-z][^>]*>/i;

/**
 * A title is one line: line breaks the extractor wrote between blocks inside it (rare) become spaces, so
 * the offsets do not move; characters that came from the feed are left as they are.
 */
function oneLine(text: string, segments: readonly SourceSegment[]): string {
  const chars = text.split('');
  let at = 0;
  for (const s of [...segments, { start: text.length, end: text.length }]) {
    for (let i = at; i < s.start; i++) if (chars[i] === '\n') chars[i] = ' ';
    at = Math.max(at, s.end);
  }
  return chars.join('');
}

/** A title field as text, with its map into the feed: HTML when declared so or when it looks like it. */
function titleOf(f: Field | undefined, source: string): { text: string; segments: SourceSegment[] } | null {
  if (!f) return null;
  const kind = (f.attrs.type ?? '').toLowerCase();
  const { html, map } = contentOf(f, source);
  if (f.markup || kind === 'html' || kind === 'xhtml' || LOOKS_HTML.test(html)) {
    const inner = extractFromHtml(html);
    return { text: oneLine(inner.text, inner.segments), segments: composeMaps(inner.segments, { source, segments: map }).segments };
  }
  const w = new TextWriter();
  for (const p of f.pieces) w.text(p.data, p.start, p.end, p.exact);
  return w.finish();
}

/** Title and body as one text: the title a block of its own, then the body. */
function itemText(fields: Map<string, Field>, source: string): { text: string; segments: SourceSegment[]; title: string | null } {
  const head = titleOf(fields.get('title') ?? fields.get('atom:title'), source) ?? { text: '', segments: [] };
  const title = head.text.replace(/\s+/g, ' ').trim() || null;
  let body: { text: string; segments: SourceSegment[] } = { text: '', segments: [] };
  for (const name of BODY_ORDER) {
    const f = fields.get(name);
    if (!f) continue;
    const { html, map } = contentOf(f, source);
    const kind = (f.attrs.type ?? '').toLowerCase();
    if (!f.markup && (kind === 'text' || kind === 'text/plain')) {
      // Atom text content: already plain; keep its line breaks.
      const tw = new TextWriter();
      tw.pre = 1;
      for (const p of f.pieces) tw.text(p.data, p.start, p.end, p.exact);
      const t = tw.finish();
      body = { text: t.text.trim() ? t.text : '', segments: t.segments };
    } else {
      const inner = extractFromHtml(html);
      body = { text: inner.text, segments: composeMaps(inner.segments, { source, segments: map }).segments };
    }
    if (body.text.trim()) break;
  }
  if (!head.text.trim()) return { ...body, title };
  if (!body.text.trim()) return { ...head, title };
  const gap = '\n\n';
  return { text: head.text + gap + body.text, segments: [...head.segments, ...shift(body.segments, head.text.length + gap.length)], title };
}

function authorOf(fields: Map<string, Field>, authorName: string | null): string | null {
  const raw = authorName ?? plain(fields.get('dc:creator')) ?? plain(fields.get('author'));
  if (!raw) return null;
  // RSS writes "editor@example.com (Jane Roe)": keep the name.
  const m = /^\S+@\S+\s*\(([^)]+)\)$/.exec(raw);
  return (m ? m[1]!.trim() : raw).slice(0, 300) || null;
}

export function parseFeed(source: string, opts: { maxItems?: number } = {}): Feed {
  const maxItems = opts.maxItems ?? 10_000;
  const feed: Feed = { kind: 'rss', title: null, items: [], skipped: 0 };
  const stack: string[] = [];
  let item: { fields: Map<string, Field>; start: number; depth: number; link: string | null; authorName: string | null } | null = null;
  let field: Field | null = null;
  let fieldDepth = 0;
  let channelTitle: Piece[] | null = null;
  let inCdata = false;
  let inAuthorName = false;
  let authorName: string[] = [];

  const parser: Parser = new Parser(
    {
      onopentag(rawName, attrs) {
        const name = rawName.toLowerCase();
        stack.push(name);
        const depth = stack.length;
        if (depth === 1) feed.kind = name.endsWith('feed') ? 'atom' : name.endsWith('rdf') ? 'rdf' : 'rss';
        if (!item && ITEM.has(name)) {
          item = { fields: new Map(), start: parser.startIndex, depth, link: null, authorName: null };
          return;
        }
        if (!item && !feed.title && name === 'title' && (stack[depth - 2] === 'channel' || stack[depth - 2] === 'feed')) {
          channelTitle = [];
          return;
        }
        if (!item) return;
        if (field) {
          if (field.name === 'author' && name === 'name') {
            inAuthorName = true;
            authorName = [];
          }
          field.markup = true;
          return;
        }
        if (depth === item.depth + 1) {
          const a: Record<string, string> = {};
          for (const [k, v] of Object.entries(attrs)) a[k.toLowerCase()] = v;
          if (name === 'link' || name === 'atom:link') {
            const rel = (a.rel ?? 'alternate').toLowerCase();
            if (a.href && rel === 'alternate' && !item.link) item.link = a.href;
          }
          field = { name, attrs: a, pieces: [], innerStart: parser.endIndex + 1, innerEnd: parser.endIndex + 1, markup: false };
          fieldDepth = depth;
        }
      },
      onclosetag() {
        const depth = stack.length;
        const name = stack.pop();
        if (channelTitle && name === 'title') {
          feed.title = channelTitle.map((p) => p.data).join('').replace(/\s+/g, ' ').trim() || null;
          channelTitle = null;
          return;
        }
        if (!item) return;
        if (inAuthorName && name === 'name') {
          item.authorName = authorName.join('').trim() || null;
          inAuthorName = false;
        }
        if (field && depth === fieldDepth) {
          field.innerEnd = parser.startIndex;
          // The first of each field wins (an item may repeat <link> or <category>).
          if (!item.fields.has(field.name)) item.fields.set(field.name, field);
          field = null;
          return;
        }
        if (depth === item.depth) {
          const it = item;
          item = null;
          if (feed.items.length >= maxItems) {
            feed.skipped++;
            return;
          }
          const f = it.fields;
          const { text, segments, title } = itemText(f, source);
          const dateField = DATE_ORDER.map((k) => plain(f.get(k))).find((v) => v !== null) ?? null;
          const published = dateField ? normalisePublished(dateField) : null;
          const guid = plain(f.get('guid')) ?? plain(f.get('id'));
          const url = safeUrl(it.link) ?? safeUrl(plain(f.get('link'))) ?? (f.get('guid')?.attrs.ispermalink !== 'false' ? safeUrl(guid) : null);
          feed.items.push({
            index: feed.items.length,
            id: guid ?? url,
            title,
            url,
            author: authorOf(f, it.authorName),
            source: plain(f.get('source')) ?? feed.title,
            published,
            badDate: dateField && !published ? dateField : null,
            text,
            segments,
            start: it.start,
            end: parser.endIndex + 1,
          });
        }
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      ontext(data) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        // CDATA text events span the markers; the content itself starts 9 characters in ("<![CDATA[").
        const piece: Piece = inCdata
          ? { data, start: start + 9, end: start + 9 + data.length, exact: true }
          : { data, start, end, exact: end - start === data.length && source.startsWith(data, start) };
        if (channelTitle) channelTitle.push(piece);
        if (inAuthorName) authorName.push(data);
        if (field && !field.markup) field.pieces.push(piece);
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(source);
  parser.end();
  return feed;
}
