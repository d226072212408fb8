import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { pageMeta, type PageMeta } from './html-meta.js';
import { scanHtml, type HtmlScan } from './html-scan.js';
import { BLOCK_TAGS, extractFromHtml, SKIP_TAGS, TextWriter, type Extracted } from './html-text.js';

/**
 * An HTML page to text: the main article via @mozilla/readability over a linkedom DOM, serialised block by
 * block (./html-text.ts), with a source map back to the page, and the page's metadata (./html-meta.ts).
 *
 * Safety: nothing is ever executed (linkedom has no script engine, scripts and their text are dropped);
 * entities are decoded by the HTML parser, which knows no DTD, so entity expansion cannot blow up; a page
 * nested deeper or with more elements than the limits below is not given to Readability (its cost grows
 * steeply with depth) but read by the streaming extractor instead, which drops page chrome (nav, footer,
 * aside, forms) and needs no DOM.
 */
export interface HtmlText extends Extracted {
  meta: PageMeta;
  /** Which extractor produced the text. */
  extractor: 'readability' | 'streaming';
}

/** Readability's cost grows steeply with nesting; real article pages stay well below this. */
export const MAX_READABILITY_DEPTH = 120;
export const MAX_READABILITY_ELEMENTS = 30_000;

interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  localName?: string;
  data?: string;
}

/** linkedom's text nodes in document order, walked without recursion (pages can be deep). */
function textNodes(root: DomNode): DomNode[] {
  const out: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) out.push(n);
    const kids = n.childNodes;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Serialise Readability's article element; each text node is found in the source through `where`. */
function serialise(root: DomNode, source: string, where: Map<DomNode, [number, number]>): Extracted {
  const w = new TextWriter();
  // Entries: a node to enter, or a closing marker for an element (negative flag bits packed in `close`).
  const stack: { node: DomNode; close?: number }[] = [{ node: root }];
  const BLOCK = 1;
  const PRE = 2;
  while (stack.length) {
    const { node, close } = stack.pop()!;
    if (close !== undefined) {
      if (close & PRE) w.pre--;
      if (close & BLOCK) w.block();
      continue;
    }
    if (node.nodeType === 3) {
      const data = node.data ?? '';
      const at = where.get(node);
      if (at) w.text(data, at[0], at[1], at[1] - at[0] === data.length && source.startsWith(data, at[0]));
      else w.text(data, null, null, false);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node.localName ?? '').toLowerCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'br') {
      w.line();
      continue;
    }
    let flags = 0;
    if (BLOCK_TAGS.has(tag)) {
      flags |= BLOCK;
      w.block(tag === 'li' ? '- ' : undefined);
    }
    if (tag === 'pre') {
      flags |= PRE;
      w.pre++;
    }
    stack.push({ node, close: flags });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]! });
  }
  return w.finish();
}

/**
 * Pair linkedom's text nodes with the parser's text events (same parser, same options: one node per event).
 * If they ever disagree, nodes from the first disagreement on have no source position rather than a
 * wrong one.
 */
function locate(nodes: DomNode[], scan: HtmlScan, source: string): Map<DomNode, [number, number]> {
  const where = new Map<DomNode, [number, number]>();
  const n = Math.min(nodes.length, scan.textStart.length);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const start = scan.textStart[i]!;
    const end = scan.textEnd[i]!;
    const data = node.data ?? '';
    // A plain text event is the node's text verbatim; an entity event is short and decodes to it.
    const plausible = source.startsWith(data, start) || (end - start <= 40 && source[start] === '&');
    if (!plausible) break;
    where.set(node, [start, end]);
  }
  return where;
}

/**
 * Readability replaces `javascript:` links by their text in a new node; find such orphans by their text in
 * the source range between the neighbouring located nodes.
 */
function relocateOrphans(root: DomNode, where: Map<DomNode, [number, number]>, source: string): void {
  let lastEnd = 0;
  for (const node of textNodes(root)) {
    const at = where.get(node);
    if (at) {
      lastEnd = at[1];
      continue;
    }
    const data = node.data ?? '';
    if (!data.trim()) continue;
    const near = source.slice(lastEnd, lastEnd + 2000 + data.length).indexOf(data);
    const found = near < 0 ? -1 : lastEnd + near;
    if (found >= 0) {
      where.set(node, [found, found + data.length]);
      lastEnd = found + data.length;
    }
  }
}

function withReadability(source: string, scan: HtmlScan): { text: Extracted; title: string | null; byline: string | null } | null {
  const { document } = parseHTML(source);
  if (!document.documentElement || !document.body) return null;
  const where = locate(textNodes(document as unknown as DomNode), scan, source);
  type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];
  const article = new Readability<DomNode>(document as unknown as ReadabilityDocument, {
    serializer: (el) => el as unknown as DomNode,
    maxElemsToParse: MAX_READABILITY_ELEMENTS,
    keepClasses: false,
    // Metadata comes from our own scan (./html-meta.ts), which says where it found the date.
    disableJSONLD: true,
  }).parse();
  const root = article?.content;
  if (!root || typeof root !== 'object' || !('childNodes' in root)) return null;
  relocateOrphans(root, where, source);
  const text = serialise(root, source, where);
  if (!text.text.trim()) return null;
  return { text, title: article?.title ?? null, byline: article?.byline ?? null };
}

export function readHtml(source: string): HtmlText {
  const scan = scanHtml(source);
  let main: ReturnType<typeof withReadability> = null;
  if (scan.maxDepth <= MAX_READABILITY_DEPTH && scan.elements <= MAX_READABILITY_ELEMENTS) {
    try {
      main = withReadability(source, scan);
    } catch {
      // Readability or the DOM gave up on this page (odd markup, too many elements): read it without a DOM.
      main = null;
    }
  }
  if (main) return { ...main.text, meta: pageMeta(scan, main.title, main.byline), extractor: 'readability' };
  return { ...extractFromHtml(source, { dropChrome: true }), meta: pageMeta(scan), extractor: 'streaming' };
}
