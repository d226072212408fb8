/**
 * A search box query, read the way web search engines read it: words (all required), "quoted phrases",
 * `or` between alternatives, `-word` / `-"phrase"` to exclude, `word*` for a prefix. Everything else is
 * literal text: FTS5 operators (AND, NEAR, ^, :, parentheses) typed by a user are searched for as words,
 * never interpreted, so no query can make the search fail.
 */

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
  const add = (t: Term) => {
    if (!SEARCHABLE.test(t.text)) return;
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
 * The same query in PostgreSQL's websearch_to_tsquery syntax (which never raises on user input); a
 * prefix is not expressible there and is searched as the whole word, stemmed.
 */
export function toWebsearch(q: Query): string | null {
  const positive = q.filter((g) => !g[0]!.negated);
  if (positive.length === 0) return null;
  // Quotes inside a term would end the phrase early; the term's words are all that count.
  const term = (t: Term) => `${t.negated ? '-' : ''}"${t.text.replace(/"/g, ' ')}"`;
  return q.map((g) => g.map(term).join(' or ')).join(' ');
}
