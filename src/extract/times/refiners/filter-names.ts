import type { Refiner } from '../proposal.js';

/**
 * Day and month names inside names are not times: newspaper titles ("the Sunday Times", "The Mail on
 * Sunday", "Sunday Telegraph"), "Sunday school", "Saturday Night Live", "March Madness", named events
 * ("Bloody Sunday", "the Good Friday Agreement"). The list is of title words that follow or precede a
 * day or month name in English-language news generally.
 */
const TITLE_AFTER = /^[ \t\u00a0]+(?:Times|Telegraph|Express|Mirror|Herald|Post|Tribune|Independent|Star|Mail|Sport|World|Business|Review|Magazine|Edition|Journal|Night[ \t]+Live|[Ss]chool|[Ss]chools|Supplement|Paper|Programme|Program|Show|Madness|Agreement|Accords?|Movement|Massacre|Group|Club|Morning[ \t]+Herald)\b/;
const TITLE_BEFORE = /(?:\b(?:Mail|Independent|Scotland|Wales|Observer|Sun)[ \t\u00a0]+on[ \t\u00a0]+|\b(?:Bloody|Black|Super|Cyber|Ash|Palm|Holy|Maundy|Shrove|Clean)[ \t\u00a0]+)$/;

/** Rules whose expression starts with a day or month name. */
const NAMED = /^(?:weekday|month|month-date|holiday)/;

export const filterNames: Refiner = {
  name: 'filter-names',
  refine(proposals, ctx) {
    const { text } = ctx;
    return proposals.filter((p) => {
      if (!NAMED.test(p.rule)) return true;
      const after = text.slice(p.end, p.end + 24);
      const before = text.slice(Math.max(0, p.start - 24), p.start);
      if (TITLE_AFTER.test(after)) return false;
      if (TITLE_BEFORE.test(before)) return false;
      return true;
    });
  },
};
