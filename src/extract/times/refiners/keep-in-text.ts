import type { Refiner } from '../proposal.js';

/**
 * Keep only expressions in the reporting: none in page furniture (bylines, share prompts: the
 * boilerplate sentences), none that spans a blank line (a pattern's whitespace may take one line break,
 * for soft-wrapped text, never a paragraph break), and none inside a web or e-mail address.
 */
export const keepInText: Refiner = {
  name: 'keep-in-text',
  refine(proposals, ctx) {
    const { text, excluded } = ctx;
    return proposals.filter((p) => {
      if (excluded.some((x) => x.start < p.end && p.start < x.end)) return false;
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
