import type { PublishedFrom } from '../core/document.js';
import { normalisePublished } from './date-parse.js';
import type { HtmlScan } from './html-scan.js';
import { articleFromJsonLd } from './json-ld.js';

/**
 * Title, author, outlet, canonical URL and publication time of a page, from its metadata. Publication time,
 * first found wins:
 *   1. `article:published_time` (Open Graph) or `<meta itemprop="datePublished">`  → html-meta
 *   2. JSON-LD `datePublished` of a NewsArticle / Article / BlogPosting             → json-ld
 *   3. `date`, `dc.date`, `dc.date.issued`, `dcterms.*`, `pubdate`, `sailthru.date`, `parsely-pub-date` … → html-meta
 *   4. `<time datetime>` marked `pubdate` or `itemprop="datePublished"`; else the first `<time datetime>` that
 *      is not inside a paragraph, list item or table cell (an event date in the story's prose)  → html-meta
 * Modification times (`article:modified_time`, `dateModified`) are never taken as publication dates.
 */
export interface PageMeta {
  title: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  publishedFrom: Extract<PublishedFrom, 'html-meta' | 'json-ld'> | null;
}

const FIRST_META = ['article:published_time', 'og:article:published_time', 'article.published', 'datepublished'];
const OTHER_META = [
  'date', 'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.date', 'dcterms.issued', 'dcterms.created', 'pubdate',
  'publishdate', 'publish-date', 'publish_date', 'published_time', 'published-date', 'publication_date', 'sailthru.date',
  'parsely-pub-date', 'article:published', 'original-publish-date', 'citation_publication_date', 'citation_date',
];

function clean(s: string | null | undefined, max = 500): string | null {
  if (!s) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : null;
}

/** Absolute http(s) URLs only: a `javascript:` or `data:` URL is never a document's address. */
export function safeUrl(s: string | null | undefined): string | null {
  const t = s?.trim();
  if (!t) return null;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function pageMeta(scan: HtmlScan, fallbackTitle: string | null = null, byline: string | null = null): PageMeta {
  const m = scan.meta;
  const ld = articleFromJsonLd(scan.jsonLd);
  let published: string | null = null;
  let publishedFrom: PageMeta['publishedFrom'] = null;
  const take = (v: string | null | undefined, from: 'html-meta' | 'json-ld') => {
    if (published || !v) return;
    const n = normalisePublished(v);
    if (n) {
      published = n;
      publishedFrom = from;
    }
  };
  for (const k of FIRST_META) take(m.get(k), 'html-meta');
  take(ld?.datePublished, 'json-ld');
  for (const k of OTHER_META) take(m.get(k), 'html-meta');
  for (const t of scan.times) if (t.marked) take(t.value, 'html-meta');
  for (const t of scan.times) if (!t.inProse) take(t.value, 'html-meta');

  const metaAuthor = m.get('author') ?? m.get('dc.creator') ?? m.get('byl') ?? m.get('parsely-author') ?? m.get('sailthru.author');
  const ogAuthor = m.get('article:author');
  const author =
    clean(metaAuthor) ??
    clean(ld?.author) ??
    (ogAuthor && !/^https?:/i.test(ogAuthor) ? clean(ogAuthor) : null) ??
    clean(byline?.replace(/^by\s+/i, ''));
  return {
    title: clean(m.get('og:title')) ?? clean(m.get('twitter:title')) ?? clean(ld?.headline) ?? clean(fallbackTitle) ?? clean(scan.title),
    author,
    source: clean(m.get('og:site_name')) ?? clean(ld?.publisher) ?? clean(m.get('application-name')),
    url: safeUrl(scan.canonical) ?? safeUrl(m.get('og:url')) ?? safeUrl(ld?.url),
    published,
    publishedFrom,
  };
}
