import { Parser } from 'htmlparser2';

/**
 * One pass of the HTML parser over a page, before any DOM is built, collecting what the later steps need:
 * where every text node stands in the source (to map Readability's output back to the page), how deep and
 * how large the page is (to decide whether a DOM is safe to build), and the metadata (meta tags, JSON-LD,
 * <title>, <time datetime>, canonical link). The parser options are linkedom's, so its text events are
 * exactly linkedom's text nodes, one for one (checked when they are paired, see ./html.ts).
 */
export interface HtmlScan {
  /** Source range [start, end) of each text event, in document order. */
  textStart: number[];
  textEnd: number[];
  maxDepth: number;
  elements: number;
  /** meta tags by lower-cased name, property, itemprop or http-equiv; first value wins. */
  meta: Map<string, string>;
  /** Contents of <script type="application/ld+json">. */
  jsonLd: string[];
  title: string | null;
  /** `datetime` of <time> elements (and of elements with itemprop="datePublished"). */
  times: { value: string; marked: boolean; inProse: boolean }[];
  canonical: string | null;
}

/** The parser options linkedom 0.18 uses for HTML; text events match its text nodes only with these. */
export const LINKEDOM_PARSER_OPTIONS = { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false } as const;

const PROSE = new Set(['p', 'li', 'td', 'blockquote', 'dd', 'figcaption']);
const MAX_JSON_LD = 1_000_000;

export function scanHtml(source: string): HtmlScan {
  const scan: HtmlScan = { textStart: [], textEnd: [], maxDepth: 0, elements: 0, meta: new Map(), jsonLd: [], title: null, times: [], canonical: null };
  const open: string[] = [];
  let prose = 0;
  let jsonLd: string[] | null = null;
  let title: string[] | null = null;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        open.push(tag);
        scan.elements++;
        if (open.length > scan.maxDepth) scan.maxDepth = open.length;
        if (PROSE.has(tag)) prose++;
        const a: Record<string, string> = {};
        for (const [k, v] of Object.entries(attrs)) a[k.toLowerCase()] = v;
        if (tag === 'meta' && a.content !== undefined) {
          for (const key of [a.property, a.name, a.itemprop, a['http-equiv']]) {
            const k = key?.trim().toLowerCase();
            if (k && !scan.meta.has(k)) scan.meta.set(k, a.content.trim());
          }
        } else if (tag === 'script' && /^\s*application\/ld\+json\s*$/i.test(a.type ?? '')) jsonLd = [];
        else if (tag === 'title' && scan.title === null && !open.includes('svg')) title = [];
        else if (tag === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? '') && a.href && scan.canonical === null) scan.canonical = a.href.trim();
        const marked = /(?:^|\s)datePublished(?:\s|$)/i.test(a.itemprop ?? '');
        const value = a.datetime ?? (marked ? a.content : undefined);
        if ((tag === 'time' || marked) && value) {
          scan.times.push({ value: value.trim(), marked: marked || a.pubdate !== undefined, inProse: prose > 0 });
        }
      },
      onclosetag() {
        const tag = open.pop();
        if (tag && PROSE.has(tag)) prose--;
        if (tag === 'script' && jsonLd) {
          const body = jsonLd.join('');
          if (body.length <= MAX_JSON_LD) scan.jsonLd.push(body);
          jsonLd = null;
        }
        if (tag === 'title' && title) {
          scan.title = title.join('').replace(/\s+/g, ' ').trim() || null;
          title = null;
        }
      },
      ontext(data) {
        scan.textStart.push(parser.startIndex);
        scan.textEnd.push(parser.endIndex + 1);
        if (jsonLd && jsonLd.length < 10_000) jsonLd.push(data);
        if (title && title.length < 1000) title.push(data);
      },
    },
    LINKEDOM_PARSER_OPTIONS,
  );
  parser.write(source);
  parser.end();
  return scan;
}
