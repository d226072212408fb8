import { isCapitalised, SP, WEEKDAY, WEEKDAY_WORDS, weekdayNumber } from '../lexicon.js';
import { proposal, type Direction, type Meaning, type PartOfDay, type Parser } from '../proposal.js';
import { anchoredAt, scan } from '../scan.js';

/**
 * Days of the week: "Saturday", "on Thursday", "last Friday", "next Monday", "this coming Sunday",
 * "the previous Friday", "early Tuesday", "Tuesday night", "Friday morning", "late Sunday", and the
 * repeated ones ("every Friday", "on Fridays", "Tuesday nights"), which are SETs. Whether a bare weekday
 * lies before or after the publication date is the anchoring refiner's business (past-biased).
 */
const PARTS = '(?:morning|afternoon|evening|night|nights|overnight|mornings|afternoons|evenings)';
const WEEKDAY_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<lead>last|next|penultimate|the${SP}penultimate|this(?:${SP}(?:past|coming))?|the${SP}(?:previous|following|next)|each|every|early|late|earlier|later|(?:early|late)${SP}on|(?:earlier|later)${SP}on)${SP})?(?<wd>${WEEKDAY})(?<plural>s)?(?<poss>['’]s)?(?:${SP}(?<part>${PARTS}))?(?<beforeLast>${SP}before${SP}last(?=\\s*[,.;:!?)]|\\s*$|\\s+(?:and|when|as|in|at|on|near|after|while|the|a|an)\\b))?(?![\\p{L}\\p{N}])`,
    'giud',
  ),
  { reach: 24 },
);

/** After a weekday: "and Tuesday nights", a second day with a plural part of the day. */
const SHARED_PART = new RegExp(`^${SP}(?:and|or)${SP}${WEEKDAY}${SP}(mornings|afternoons|evenings|nights)(?![\\p{L}])`, 'iu');

const PART_CODE: Record<string, PartOfDay> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI',
};

export const weekday: Parser = {
  name: 'weekday',
  triggers: { words: WEEKDAY_WORDS },
  parse(input) {
    const text = input.text;
    return scan(WEEKDAY_RE, input, (m) => {
      const g = m.groups!;
      if (!isCapitalised(g.wd!)) return null;
      const wd = weekdayNumber(g.wd!)!;
      const lead = (g.lead ?? '').toLowerCase().replace(/\s+/g, ' ');
      // "Saturday Night Live": a capitalised part of the day belongs to a title, not to the day.
      const titled = g.part !== undefined && isCapitalised(g.part) && g.part !== g.part.toUpperCase();
      const partWord = titled ? '' : (g.part ?? '').toLowerCase();
      const pluralPart = /s$/.test(partWord);
      const part = PART_CODE[partWord.replace(/s$/, '')];
      let end = titled ? m.indices!.groups!.wd![1] : m.index + m[0].length;
      // "Friday's meeting": the expression is "Friday".
      if (g.poss && !g.part) end -= g.poss.length;
      // "on Monday and Tuesday nights": the plural part of the day that ends the pair is the first day's too.
      const shared = !g.part && !g.poss ? SHARED_PART.exec(text.slice(end, end + 40)) : null;
      const sharedPart = shared ? PART_CODE[shared[1]!.toLowerCase().replace(/s$/, '')] : undefined;
      const suffix = part ? `T${part}` : sharedPart ? `T${sharedPart}` : '';
      if (lead === 'each' || lead === 'every' || g.plural || pluralPart || sharedPart) {
        return proposal(m.index, end, 'SET', { kind: 'fixed', value: `XXXX-WXX-${wd}${suffix}` }, 'weekday:set');
      }
      let dir: Direction | undefined;
      // "penultimate Thursday", "Thursday before last": the one before last week's.
      const beforeLast = lead === 'penultimate' || lead === 'the penultimate' || g.beforeLast !== undefined;
      if (lead === 'last' || lead === 'this past' || lead === 'the previous' || beforeLast) dir = 'past';
      else if (lead === 'next' || lead === 'this coming' || lead === 'the following' || lead === 'the next') dir = 'future';
      else if (lead === 'this') dir = 'this';
      const meaning: Extract<Meaning, { kind: 'date' }> = { kind: 'date', weekday: wd };
      if (dir) meaning.dir = dir;
      if (part) meaning.time = { part };
      if (beforeLast) meaning.dayOffset = -7;
      const mod = /^(?:early|earlier)/.test(lead) ? 'START' : /^(?:late|later)/.test(lead) ? 'END' : undefined;
      const rule = `weekday${lead ? ':' + lead.replace(/ /g, '-') : ''}${part ? ':part' : ''}`;
      // "the previous Friday", "the following Monday" count from the reference time, not from publication.
      if (lead === 'the previous' || lead === 'the following') meaning.fromRef = true;
      return proposal(m.index, end, part ? 'TIME' : 'DATE', meaning, rule, mod);
    });
  },
};
