import { isCapitalised } from '../lexicon.js';
import type { Refiner } from '../proposal.js';
import { atSentenceStart } from '../scan.js';

/**
 * Time words written as a title are names of programmes, films and columns: "ABC's This Week", "VOA
 * Today", "60 Minutes", "High Noon". An expression made of ordinary words (not day or month names, not
 * digits) whose every word is capitalised, and which does not open a sentence, is dropped.
 */
const NAME_RULES = /^(?:weekday|month|month-date|holiday|numeric-date|year|clock:(?:am-pm|colon|military|oclock)|quarter:code)/;

export const filterTitles: Refiner = {
  name: 'filter-titles',
  refine(proposals, ctx) {
    const { text } = ctx;
    return proposals.filter((p) => {
      if (NAME_RULES.test(p.rule)) return true;
      const words = text.slice(p.start, p.end).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
      if (words.length === 0 || !words.every((w) => isCapitalised(w))) return true;
      return atSentenceStart(text, p.start);
    });
  },
};
