import { safeHttpUrl } from './escape.js';
import type { Report, ReportSource } from './model.js';

/**
 * Every source sentence the page can show, numbered. Facts in the page carry `data-src` with these numbers;
 * the sentences travel in one JSON block read by the page script (and as `title` text for hovering).
 */
export interface PageSource {
  documentId: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  /** Only an http(s) URL; anything else is dropped. */
  url: string | null;
  sentence: string;
  /** The fact's own words within `sentence` (UTF-16 offsets into it). */
  mark: [number, number];
  /** Where the page's host shows the whole document at this span (see HtmlOptions.documentHref), if anywhere. */
  href: string | null;
}

/** A link target the page may use: same-origin path, fragment, or http(s); nothing else. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  if (/^\/(?!\/)/.test(href) || href.startsWith('#')) return /[\s<>"'`\\]/.test(href) ? null : href;
  return safeHttpUrl(href);
}

export class SourceTable {
  readonly list: PageSource[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    private readonly report: Report,
    private readonly documentHref?: (documentId: string, start: number, end: number) => string | null,
  ) {}

  add(s: ReportSource): number {
    const key = `${s.documentId}\u0000${s.start}\u0000${s.end}`;
    const hit = this.index.get(key);
    if (hit !== undefined) return hit;
    const doc = this.report.documents.find((d) => d.id === s.documentId);
    const a = Math.max(0, Math.min(s.sentence.text.length, s.start - s.sentence.start));
    const b = Math.max(a, Math.min(s.sentence.text.length, s.end - s.sentence.start));
    const n = this.list.length;
    this.list.push({
      documentId: s.documentId,
      outlet: s.outlet,
      published: s.published,
      title: doc?.title ?? null,
      url: safeHttpUrl(doc?.url),
      sentence: s.sentence.text,
      mark: [a, b],
      href: this.documentHref ? safeHref(this.documentHref(s.documentId, s.start, s.end)) : null,
    });
    this.index.set(key, n);
    return n;
  }

  ids(list: readonly ReportSource[]): string {
    return list.map((s) => this.add(s)).join(' ');
  }
}
