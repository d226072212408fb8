import type { Meaning, Proposal, Refiner } from '../proposal.js';

/**
 * Expressions written next to each other that make one, as TimeML annotates them:
 * - a clock time and its day: "10:35 a.m. Friday", "9 p.m. EST, Nov. 8", "noon Thursday", "Friday 10
 *   a.m."; the day's meaning takes the time, the result is a TIME. Only spaces or a comma may stand
 *   between the two ("at" keeps them apart: "Friday at noon" is two expressions);
 * - a month or a season and a year the month parser could not read, a year in words (broadcast
 *   transcripts): "January nineteen ninety-seven", "the winter of nineteen ninety-four";
 * - "the week of" or a part of the day before a date: "the week of March 6", "the night of Oct. 23", "the
 *   early hours of Thursday"; "the day before"/"the day after" a day: "the day before last Tuesday".
 */
function isTimeOnly(p: Proposal): boolean {
  const m = p.meaning;
  return m.kind === 'date' && m.time !== undefined && m.year === undefined && m.month === undefined && m.day === undefined && m.weekday === undefined;
}

/** A day without a time of its own: a weekday, a date, or "yesterday"/"today". */
function dayMeaning(p: Proposal): Meaning | null {
  const m = p.meaning;
  if (p.type !== 'DATE') return null;
  if (m.kind === 'date' && m.time === undefined && (m.day !== undefined || m.weekday !== undefined)) return m;
  if (m.kind === 'shift' && m.unit === 'day' && m.time === undefined) return m;
  return null;
}

function withTime(day: Meaning, time: Proposal): Meaning {
  const t = (time.meaning as Extract<Meaning, { kind: 'date' }>).time!;
  return { ...(day as Extract<Meaning, { kind: 'date' | 'shift' }>), time: t };
}

const GAP = /^[ \t\u00a0]*,?[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?$/;
const OF_GAP = /^[ \t\u00a0]+(?:of[ \t\u00a0]+)?$/;
const LEAD_OF = /(?<![\p{L}])the[ \t\u00a0]+(week|morning|afternoon|evening|night|(?:early|small|wee)[ \t\u00a0]+hours)[ \t\u00a0]+of[ \t\u00a0]+$/iu;
const LEAD_BEFORE_AFTER = /(?<![\p{L}])the[ \t\u00a0]+(day|night)[ \t\u00a0]+(before|after)[ \t\u00a0]+$/iu;
const PART_CODE = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' } as const;

/** "the week of March 6", "the night of Oct. 23", "the day before last Tuesday": the lead phrase and the date as one expression. */
function withLead(text: string, p: Proposal): Proposal | null {
  const m = p.meaning;
  const ba = LEAD_BEFORE_AFTER.exec(text.slice(Math.max(0, p.start - 30), p.start));
  if (ba && p.type === 'DATE') {
    const start = p.start - ba[0].length;
    const shift = /before/i.test(ba[2]!) ? -1 : 1;
    const night = ba[1]!.toLowerCase() === 'night';
    const rule = `${p.rule}+${ba[1]!.toLowerCase()}-${ba[2]!.toLowerCase()}`;
    if (m.kind === 'date' && m.time === undefined && (m.day !== undefined || m.weekday !== undefined)) {
      const meaning: Meaning = { ...m, dayOffset: (m.dayOffset ?? 0) + shift };
      if (night) meaning.time = { part: 'NI' };
      return { ...p, start, type: night ? 'TIME' : 'DATE', meaning, rule };
    }
    if (m.kind === 'shift' && m.unit === 'day' && m.time === undefined) {
      const meaning: Meaning = { ...m, offset: m.offset + shift };
      if (night) meaning.time = { part: 'NI' };
      return { ...p, start, type: night ? 'TIME' : 'DATE', meaning, rule };
    }
  }
  if (m.kind !== 'date' || (m.day === undefined && m.weekday === undefined)) return null;
  const lead = LEAD_OF.exec(text.slice(Math.max(0, p.start - 30), p.start));
  if (!lead) return null;
  const start = p.start - lead[0].length;
  const word = lead[1]!.toLowerCase().replace(/\s+/g, ' ');
  if (word === 'week') return m.day !== undefined && m.time === undefined ? { ...p, start, meaning: { ...m, weekOf: true }, rule: `${p.rule}+week-of` } : null;
  // "the early hours of Thursday morning": the day keeps its own part of the day when it names one.
  const time = m.time ?? { part: /hours$/.test(word) ? 'NI' : PART_CODE[word as keyof typeof PART_CODE] };
  return { ...p, start, type: 'TIME', meaning: { ...m, time }, rule: `${p.rule}+part-of` };
}

/** A month or season without a year, followed by a year: the two as one meaning, or null. */
function withYear(a: Proposal, b: Proposal): Meaning | null {
  const y = b.meaning.kind === 'fixed' && /^\d{4}$/.test(b.meaning.value) ? +b.meaning.value : null;
  if (y === null || !b.rule.startsWith('year')) return null;
  const m = a.meaning;
  if (m.kind === 'date' && m.month !== undefined && m.year === undefined && m.weekday === undefined) {
    const out: Meaning = { kind: 'date', year: y, month: m.month };
    if (m.day !== undefined) out.day = m.day;
    return out;
  }
  if (m.kind === 'part' && m.year === undefined && m.yearShift === undefined) return { kind: 'part', part: m.part, year: y };
  return null;
}

export const mergeAdjacent: Refiner = {
  name: 'merge-adjacent',
  refine(proposals, ctx) {
    const sorted = [...proposals].sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Proposal[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const led = withLead(ctx.text, sorted[i]!);
      // The lead phrase may hold an expression of its own ("the week"): the longer one replaces it.
      if (led) while (out.length > 0 && out[out.length - 1]!.end > led.start) out.pop();
      const a = led ?? sorted[i]!;
      const b = sorted[i + 1];
      if (b && b.start >= a.end && OF_GAP.test(ctx.text.slice(a.end, b.start))) {
        const joined = withYear(a, b);
        if (joined) {
          out.push({ start: a.start, end: b.end, type: 'DATE', meaning: joined, rule: `${a.rule}+${b.rule}`, ...(a.mod ? { mod: a.mod } : {}) });
          i++;
          continue;
        }
      }
      if (b && b.start >= a.end && GAP.test(ctx.text.slice(a.end, b.start))) {
        const day = isTimeOnly(a) ? dayMeaning(b) : isTimeOnly(b) ? dayMeaning(a) : null;
        if (day) {
          const time = isTimeOnly(a) ? a : b;
          out.push({ start: a.start, end: b.end, type: 'TIME', meaning: withTime(day, time), rule: `${a.rule}+${b.rule}` });
          i++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  },
};
