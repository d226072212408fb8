import { NUMBER_WORD, numberValue, PART_WORDS, SP } from '../lexicon.js';
import { proposal, type Meaning, type PartOfDay, type Parser, type Proposal } from '../proposal.js';
import { anchoredAt, DIGITS_1_2, DIGITS_4, scan, wordBefore } from '../scan.js';

/**
 * Times of day: "10:35 a.m.", "5 pm", "9 a.m. EDT", "0735 GMT", "1500 hours", "16:45 local time",
 * "at 14:30", "seven o'clock", "9 in the morning", "noon", "midnight", "at dawn", "in the evening", "at
 * night". A bare number is never a time ("at 7" out of "at 7,000"; scores, ratios and verses are refused
 * by asking for a.m./p.m., a time zone, "hours", or a colon time after a word like "at"). The date is
 * the day the sentence speaks of, found by the anchoring refiner.
 */
const TZ = '(?:GMT|UTC|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|IST|PKT|AST|MSK|JST|AEST|AEDT|WIB|local(?:\\s+time)?|Kabul\\s+time|Baghdad\\s+time|Moscow\\s+time)';
const AMPM = '(?:a\\.\\s?m\\.?|p\\.\\s?m\\.?|am|pm|AM|PM|A\\.M\\.?|P\\.M\\.?)';

const AMPM_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}.,:$-])(?<h>1[0-2]|0?[1-9]|${NUMBER_WORD})(?:[:.](?<mi>[0-5]\\d))?\\s?(?<ampm>${AMPM})(?![\\p{L}\\p{N}])(?:${SP}(?<tz>${TZ})(?![\\p{L}]))?`,
    'gud',
  ),
  { words: DIGITS_1_2, reach: 0 },
);

const DAYPART = `(?:in${SP}the${SP}(?:morning|afternoon|evening)|at${SP}night|tonight)`;
const OCLOCK_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}.,:$-])(?<h>1[0-2]|0?[1-9]|${NUMBER_WORD})(?:[:.](?<mi>[0-5]\\d))?(?:${SP}o['’]clock(?:${SP}(?<part>${DAYPART}))?|${SP}(?<part2>${DAYPART}))(?![\\p{L}])`,
    'giud',
  ),
  { words: [...DIGITS_1_2, 'clock', 'morning', 'afternoon', 'evening', 'night'], reach: 24 },
);

const COLON_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}.,:$-])(?<h>[01]?\\d|2[0-4])[:h](?<mi>[0-5]\\d)(?![\\p{N}]|[:.]\\d)(?:${SP}?(?<tz>${TZ}|hours|hrs|h)(?![\\p{L}]))?`,
    'gud',
  ),
  { words: DIGITS_1_2, reach: 0 },
);

const MILITARY_RE = anchoredAt(
  new RegExp(`(?<![\\p{L}\\p{N}.,:$-])(?<h>[01]\\d|2[0-3])(?<mi>[0-5]\\d)${SP}?(?<tz>${TZ}|hours|hrs|h)(?![\\p{L}])`, 'gud'),
  { words: DIGITS_4, reach: 0 },
);

const NAMED_RE = anchoredAt(/(?<![\p{L}\p{N}-])(?<name>noon|midnight|midday|mid-day)(?![\p{L}\p{N}-])/giu, { words: ['noon', 'midnight', 'midday', 'mid'], reach: 0 });

const PART_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?<prep>at|before|after|by|until|till|around|toward|towards|during|in)${SP}(?<what>dawn|dusk|daybreak|first${SP}light|nightfall|sunset|sunrise|night|mid-?${SP}?(?:morning|afternoon)|(?:early|late)${SP}(?:morning|afternoon|evening)|the${SP}(?:early${SP}|late${SP})?(?:morning|afternoon|evening|night)|the${SP}early${SP}hours|the${SP}small${SP}hours)(?![\\p{L}\\p{N}-])`,
    'giud',
  ),
  { words: ['dawn', 'dusk', 'daybreak', 'light', 'nightfall', 'sunset', 'sunrise', 'night', 'hours', 'mid', 'morning', 'afternoon', 'evening'], reach: 30 },
);

const PART_OF: Record<string, PartOfDay> = {
  dawn: 'MO', daybreak: 'MO', 'first light': 'MO', sunrise: 'MO', morning: 'MO', 'early morning': 'MO',
  afternoon: 'AF', evening: 'EV', 'early evening': 'EV', dusk: 'EV', nightfall: 'EV', sunset: 'EV',
  night: 'NI', 'early hours': 'NI', 'small hours': 'NI', 'early night': 'NI', 'early afternoon': 'AF',
};

function hourOf(raw: string): number | null {
  const n = numberValue(raw);
  return n !== null && Number.isInteger(n) ? n : null;
}

function clock(start: number, end: number, hour: number, minute: number | null, rule: string): Proposal | null {
  if (hour < 0 || hour > 24 || (minute !== null && (minute < 0 || minute > 59))) return null;
  const meaning: Meaning = { kind: 'date', time: { hour, minute } };
  return proposal(start, end, 'TIME', meaning, rule);
}

/** The hour on a 24-hour clock for "h a.m./p.m.". */
function to24(h: number, ampm: string): number {
  const pm = /^p/i.test(ampm);
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

export const clockTime: Parser = {
  name: 'clock',
  triggers: { words: ['noon', 'midnight', 'midday', 'mid', 'dawn', 'dusk', 'daybreak', 'light', 'nightfall', 'sunset', 'sunrise', 'hours', 'clock', ...PART_WORDS], digits: true },
  parse(input) {
    const text = input.text;
    const out: Proposal[] = [];
    out.push(
      ...scan(AMPM_RE, input, (m) => {
        const g = m.groups!;
        const h = hourOf(g.h!);
        if (h === null || h < 1 || h > 12) return null;
        // "I am" after a number ("at 5 am I") is still a time; "5 AM" too. "5 pm" fine.
        return clock(m.index, m.index + m[0].length, to24(h, g.ampm!), g.mi ? +g.mi : 0, 'clock:am-pm');
      }),
    );
    out.push(
      ...scan(OCLOCK_RE, input, (m) => {
        const g = m.groups!;
        let h = hourOf(g.h!);
        if (h === null || h < 1 || h > 12) return null;
        const part = (g.part ?? g.part2 ?? '').toLowerCase();
        if (/afternoon|evening|night/.test(part) && h < 12) h += 12;
        return clock(m.index, m.index + m[0].length, h, g.mi ? +g.mi : 0, 'clock:oclock');
      }),
    );
    out.push(
      ...scan(COLON_RE, input, (m) => {
        const g = m.groups!;
        const before = wordBefore(text, m.index).toLowerCase();
        // A colon time needs a time zone or "hours", or a word that introduces a time; else it may be a score or a verse.
        if (!g.tz && !/^(?:at|around|about|approximately|by|until|till|from|before|after|since|to|and|between|shortly|just|roughly|circa|ca)$/.test(before)) return null;
        if (g.tz === 'h' && !/h$/.test(m[0])) return null;
        return clock(m.index, m.index + m[0].length, +g.h!, +g.mi!, 'clock:colon');
      }),
    );
    out.push(...scan(MILITARY_RE, input, (m) => clock(m.index, m.index + m[0].length, +m.groups!.h!, +m.groups!.mi!, 'clock:military')));
    out.push(
      ...scan(NAMED_RE, input, (m) => {
        const name = m.groups!.name!.toLowerCase();
        const hour = name === 'midnight' ? 24 : 12;
        return clock(m.index, m.index + m[0].length, hour, 0, `clock:${name.replace('-', '')}`);
      }),
    );
    out.push(
      ...scan(PART_RE, input, (m) => {
        const g = m.groups!;
        const what = g.what!.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '').replace(/^(?:mid-? ?|late |early )(morning|afternoon|evening)$/, '$1');
        const part = PART_OF[what];
        if (!part) return null;
        // The preposition is not part of the expression: "at dawn" is "dawn".
        const start = m.indices!.groups!.what![0];
        const meaning: Meaning = { kind: 'date', time: { part } };
        return proposal(start, m.index + m[0].length, 'TIME', meaning, 'clock:part-of-day');
      }),
    );
    return out;
  },
};
