import type { Refiner } from '../proposal.js';

/**
 * Keep only expressions in the reporting: none in page furniture (bylines, share prompts: the
 * boilerplate sentences), none that spans a blank line (a pattern's whitespace may take one line break,
 * for soft-wrapped text, never a paragraph break), and none inside a web or e-mail address.
 */
export const keepInText: Refiner = {
  name: 'keep-in-text',
  refine(proposals, ctx) {
    const { text } = ctx;
    // Excluded stretches sorted by start, with the furthest end reached so far, for a binary search.
    const excluded = [...ctx.excluded].sort((a, b) => a.start - b.start);
    const reach: number[] = [];
    excluded.forEach((x, i) => reach.push(Math.max(x.end, i > 0 ? reach[i - 1]! : -1)));
    const hits = (p: { start: number; end: number }) => {
      // The last stretch starting before p ends; p overlaps an excluded stretch iff one of those reaches past p.start.
      let lo = 0;
      let hi = excluded.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (excluded[mid]!.start < p.end) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && reach[lo - 1]! > p.start;
    };
    return proposals.filter((p) => {
      if (hits(p)) return false;
      if (/\n[ \t\u00a0]*\r?\n/.test(text.slice(p.start, p.end))) return false;
      // The whitespace-delimited token around the expression: an address carries "://", "www." or "@".
      let s = p.start;
      let e = p.end;
      while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
      while (e < text.length && !/\s/.test(text[e]!)) e++;
      const token = text.slice(s, e);
      return !/:\/\/|www\.|@\S*\.\w|\.(?:html?|php|aspx?|pdf|jpe?g|png)\b/i.test(token);
    });
  },
};
