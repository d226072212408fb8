import { PART_WORDS, SP } from '../lexicon.js';
import { proposal, type Meaning, type PartOfDay, type Parser, type Proposal } from '../proposal.js';
import { anchoredAt, scan, wordBefore } from '../scan.js';

/**
 * Days named from the publication date: "today", "yesterday", "tomorrow", "tonight", "the day before
 * yesterday", with a part of the day ("yesterday morning", "this morning", "last night", "this
 * evening", "later this afternoon", "mid-afternoon yesterday", "overnight") and a position ("early
 * today", "late yesterday", "earlier today"). All count from the publication date.
 */
const PART = '(?:morning|afternoon|evening|night)';
const DAYWORD = '(?:today|yesterday|tomorrow|tonight)';
const POS = '(?:early|late|earlier|later)';

const DAY_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<pos>${POS})${SP})?(?:(?<mid>mid-?|early${SP}|late${SP})?(?<prepart>morning|afternoon|evening)${SP})?(?<day>${DAYWORD})(?:${SP}(?<part>${PART}))?(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}-])the${SP}day${SP}(?<ba>before${SP}yesterday|after${SP}tomorrow)(?![\\p{L}])`,
    'giud',
  ),
  { words: ['today', 'yesterday', 'tomorrow', 'tonight'], reach: 40 },
);

// "this morning", "last night", "later this afternoon", "earlier this evening", "overnight".
const PART_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<pos>${POS})${SP})?(?<rel>this|last)${SP}(?<part>${PART})(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}-])(?<over>overnight)(?![\\p{L}\\p{N}-])`,
    'giud',
  ),
  { words: ['morning', 'afternoon', 'evening', 'night', 'overnight'], reach: 24 },
);

/** Nouns after "today's" that make it the present at large ("today's world"), not the publication day ("today's vote"). */
const GENERIC_TODAY = /^['’]s\s+(?:world|society|youth|generation|generations|young|children|kids|economy|standards|technology|culture|age|era|media|politics|markets?|industry|consumers|students|parents|workers|military|personal\s+computers|computers)\b/i;

const PART_CODE: Record<string, PartOfDay> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
const OFFSET: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };

function modOf(pos: string | undefined): string | undefined {
  if (!pos) return undefined;
  const p = pos.toLowerCase();
  return p === 'early' ? 'START' : p === 'late' ? 'END' : undefined;
}

export const relativeDay: Parser = {
  name: 'relative-day',
  triggers: { words: ['today', 'yesterday', 'tomorrow', 'tonight', ...PART_WORDS] },
  parse(input) {
    const text = input.text;
    const out: Proposal[] = [];
    out.push(
      ...scan(DAY_RE, input, (m) => {
        const g = m.groups!;
        const end = m.index + m[0].length;
        if (g.ba) {
          const offset = /before/i.test(g.ba) ? -2 : 2;
          return proposal(m.index, end, 'DATE', { kind: 'shift', unit: 'day', offset, from: 'now' }, 'relative-day:day-before-after');
        }
        const day = g.day!.toLowerCase();
        // Rule "generic-day": "today's youth", "the leaders of tomorrow" speak of the present and the future
        // at large; they date nothing, and TimeBank leaves them out (as it does "the world of today").
        if (day === 'today' && !g.part && !g.pos && GENERIC_TODAY.test(text.slice(end, end + 24))) return null;
        if (day === 'tomorrow' && !g.part && !g.pos && wordBefore(text, m.index).toLowerCase() === 'of' && !/^['’]s\b/.test(text.slice(end, end + 3))) return null;
        const partWord = (g.part ?? g.prepart ?? '').toLowerCase();
        let part = PART_CODE[partWord];
        if (day === 'tonight') part = 'NI';
        // "Yesterday" at the start of a sentence is capitalised; a capitalised "Today" mid-sentence is a programme title.
        const meaning: Meaning = { kind: 'shift', unit: 'day', offset: OFFSET[day]!, from: 'now' };
        if (part) meaning.time = { part };
        return proposal(m.index, end, part ? 'TIME' : 'DATE', meaning, `relative-day:${day}${part ? ':part' : ''}`, modOf(g.pos));
      }),
    );
    out.push(
      ...scan(PART_RE, input, (m) => {
        const g = m.groups!;
        const end = m.index + m[0].length;
        if (g.over) {
          // "an overnight curfew" is an adjective, not a time.
          if (/^(?:a|an|the|this|that|his|her|their|its|our)$/i.test(wordBefore(text, m.index))) return null;
          // "Overnight" is the night that ended on the publication day.
          return proposal(m.index, end, 'TIME', { kind: 'shift', unit: 'day', offset: -1, from: 'now', time: { part: 'NI' } }, 'relative-day:overnight');
        }
        const rel = g.rel!.toLowerCase();
        const part = PART_CODE[g.part!.toLowerCase()]!;
        // "last night" is the night before; "last morning" is not English, "last evening" is yesterday's.
        const offset = rel === 'last' ? -1 : 0;
        if (rel === 'last' && part !== 'NI' && part !== 'EV') return null;
        return proposal(m.index, end, 'TIME', { kind: 'shift', unit: 'day', offset, from: 'now', time: { part } }, `relative-day:${rel}-part`, modOf(g.pos));
      }),
    );
    return out;
  },
};
