/**
 * A search box query, read the way web search engines read it: words (all required), "quoted phrases",
 * `or` between alternatives, `-word` / `-"phrase"` to exclude, `word*` for a prefix. Everything else is
 * literal text: FTS5 operators (AND, NEAR, ^, :, parentheses) typed by a user are searched for as words,
 * never interpreted, so no query syntax can make the search fail.
 *
 * Both stores read the same parsed query, so they agree on what is searched: stop words (STOP_WORDS,
 * PostgreSQL's English list) are dropped as words and as prefixes on both (PostgreSQL would drop them, and
 * SQLite would find them in nearly every document), repeated terms count once, and a query with more than
 * MAX_TERMS terms or MAX_PREFIX_TERMS prefixes is refused (QueryError) rather than left to run for minutes.
 */

/** A query too large to answer quickly; its message says the limit. */
export class QueryError extends Error {}

/** At most this many distinct terms in one query, and this many prefix terms (`word*`) among them. */
export const MAX_TERMS = 48;
export const MAX_PREFIX_TERMS = 40;

/**
 * PostgreSQL's `english` stop words (the Snowball list): never searched for, on either store, unless
 * inside a phrase (where PostgreSQL still counts their positions).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself ' +
    'they them their theirs themselves what which who whom this that these those am is are was were be been being have has had ' +
    'having do does did doing a an the and but if or because as until while of at by for with about against between into through ' +
    'during before after above below to from up down in out on off over under again further then once here there when where why ' +
    'how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now'
  ).split(' '),
);

export interface Term {
  /** The words of the term, as typed (one for a word, several for a phrase). */
  text: string;
  phrase: boolean;
  prefix: boolean;
  negated: boolean;
}

/** Alternatives joined by `or`; the query is the conjunction of its groups. */
export type Query = Term[][];

const SEARCHABLE = /[\p{L}\p{N}]/u;

export function parseQuery(input: string): Query {
  const groups: Query = [];
  let pendingOr = false;
  let i = 0;
  const seen = new Set<string>();
  const add = (t: Term) => {
    if (!SEARCHABLE.test(t.text)) return;
    if (!t.phrase && STOP_WORDS.has(t.text.toLowerCase())) return;
    if (t.phrase && t.text.split(/[^\p{L}\p{N}]+/u).every((w) => w === '' || STOP_WORDS.has(w.toLowerCase()))) return;
    // A term typed twice is searched once (and costs once).
    const key = `${t.negated ? '-' : ''}${t.phrase ? '"' : ''}${t.text.toLowerCase()}${t.prefix ? '*' : ''}`;
    if (seen.has(key)) {
      pendingOr = false;
      return;
    }
    seen.add(key);
    const last = groups[groups.length - 1];
    if (pendingOr && last && !t.negated && !last.some((x) => x.negated)) last.push(t);
    else groups.push([t]);
    pendingOr = false;
  };
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    let negated = false;
    if (c === '-' && i + 1 < input.length && !/\s/u.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      // A phrase runs to the closing quote, or to the end when the user left it open.
      const close = input.indexOf('"', i + 1);
      const body = input.slice(i + 1, close < 0 ? input.length : close);
      i = close < 0 ? input.length : close + 1;
      add({ text: body, phrase: true, prefix: false, negated });
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/u.test(input[j]!) && input[j] !== '"') j++;
    const word = input.slice(i, j);
    i = j;
    if (!negated && /^or$/i.test(word) && groups.length > 0) {
      pendingOr = true;
      continue;
    }
    const prefix = /[\p{L}\p{N}]\*+$/u.test(word);
    add({ text: prefix ? word.replace(/\*+$/, '') : word, phrase: false, prefix, negated });
  }
  const terms = groups.flat();
  if (terms.length > MAX_TERMS) throw new QueryError(`the query has ${terms.length} terms; at most ${MAX_TERMS}`);
  const prefixes = terms.filter((t) => t.prefix).length;
  if (prefixes > MAX_PREFIX_TERMS) throw new QueryError(`the query has ${prefixes} prefix terms (word*); at most ${MAX_PREFIX_TERMS}`);
  return groups;
}

/** An FTS5 string literal: the text in double quotes, quotes doubled. FTS5 tokenises it like the index. */
function fts5String(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 MATCH expression for a query, or null when it has nothing to look for (no searchable word,
 * or only exclusions, which FTS5 cannot start with).
 */
export function toFts5(q: Query): string | null {
  const positive = q.filter((g) => !g[0]!.negated);
  if (positive.length === 0) return null;
  const term = (t: Term) => fts5String(t.text) + (t.prefix ? ' *' : '');
  let expr = positive.map((g) => (g.length === 1 ? term(g[0]!) : `(${g.map(term).join(' OR ')})`)).join(' AND ');
  for (const g of q) if (g[0]!.negated) expr += ` NOT ${term(g[0]!)}`;
  return expr;
}

/**
 * The same query in PostgreSQL's websearch_to_tsquery syntax (which never raises on user input). Prefixes
 * are searched as whole words here; `toTsquerySql` is what the store runs.
 */
export function toWebsearch(q: Query): string | null {
  const positive = q.filter((g) => !g[0]!.negated);
  if (positive.length === 0) return null;
  // Quotes inside a term would end the phrase early; the term's words are all that count.
  const term = (t: Term) => `${t.negated ? '-' : ''}"${t.text.replace(/"/g, ' ')}"`;
  return q.map((g) => g.map(term).join(' or ')).join(' ');
}

/**
 * The query as a PostgreSQL tsquery expression over bound parameters ($first, $first+1, …): each term a
 * `websearch_to_tsquery` of its quoted words, a prefix term a `to_tsquery` of `'word':*` (its words only,
 * so nothing in it is syntax), joined with `||`, `&&` and `!!`. Null when there is nothing to look for.
 */
export function toTsquerySql(q: Query, first = 1): { sql: string; params: string[] } | null {
  const positive = q.filter((g) => !g[0]!.negated);
  if (positive.length === 0) return null;
  const params: string[] = [];
  const term = (t: Term): string => {
    const words = t.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    let sql: string;
    if (t.prefix) {
      params.push(words.map((w, i) => `'${w.toLowerCase()}'${i === words.length - 1 ? ':*' : ''}`).join(' <-> '));
      sql = `to_tsquery('english', $${first + params.length - 1})`;
    } else {
      params.push(`"${t.text.replace(/"/g, ' ')}"`);
      sql = `websearch_to_tsquery('english', $${first + params.length - 1})`;
    }
    return t.negated ? `!!${sql}` : sql;
  };
  const sql = [...positive, ...q.filter((g) => g[0]!.negated)].map((g) => (g.length === 1 ? term(g[0]!) : `(${g.map(term).join(' || ')})`)).join(' && ');
  return { sql, params };
}
