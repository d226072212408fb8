/**
 * The article described by a page's JSON-LD (schema.org): NewsArticle, ReportageNewsArticle, Article,
 * BlogPosting, LiveBlogPosting and the like, found at the top level, in an array or in an `@graph`.
 * Broken JSON-LD (common: trailing commas, HTML comments) is skipped, never fatal.
 */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/;
const MAX_NODES = 5000;

function types(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function text(x: unknown, depth = 0): string | null {
  if (typeof x === 'string') return x.trim() || null;
  if (depth > 4) return null;
  if (Array.isArray(x)) return text(x[0], depth + 1);
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return text(o.name ?? o['@value'] ?? o['@id'] ?? null, depth + 1);
  }
  return null;
}

function names(x: unknown): string | null {
  const list = (Array.isArray(x) ? x.slice(0, 20) : [x]).map((v) => text(v)).filter((s): s is string => !!s);
  return list.length ? [...new Set(list)].join(', ') : null;
}

function* objects(root: unknown): Generator<Record<string, unknown>> {
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length && seen++ < MAX_NODES) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      yield o;
      if (o['@graph'] !== undefined) stack.push(o['@graph']);
      if (o.mainEntity !== undefined) stack.push(o.mainEntity);
    }
  }
}

export function articleFromJsonLd(blocks: readonly string[]): JsonLdArticle | null {
  for (const block of blocks) {
    let root: unknown;
    try {
      root = JSON.parse(block.replace(/^\s*<!--|-->\s*$/g, ''));
    } catch {
      continue;
    }
    for (const o of objects(root)) {
      if (!types(o).some((t) => ARTICLE_TYPE.test(t))) continue;
      const main = o.mainEntityOfPage;
      return {
        headline: text(o.headline) ?? text(o.name),
        datePublished: text(o.datePublished) ?? text(o.dateCreated),
        author: names(o.author) ?? names(o.creator),
        publisher: names(o.publisher) ?? names(o.sourceOrganization),
        url: text(o.url) ?? (typeof main === 'string' ? main : text(main)),
      };
    }
  }
  return null;
}
