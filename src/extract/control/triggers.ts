import { addDays, durationDays, interval, timexInterval, type DayInterval } from '../../core/days.js';
import { within } from '../../core/span-index.js';
import type { TextSpan } from '../../core/span.js';
import type { DocView } from '../doc-view.js';
import type { PlaceMention } from '../places/types.js';

/**
 * A sentence saying a place changed hands: "Iraqi forces retook Hamdaniya from ISIS", "the town had been
 * freed", "ISIS seized the town more than two years ago", "militants returned after Iraqi forces left".
 * Found by trigger words over the sentence text, for the places named in the sentence; the event layer
 * gives the same for coded territory events, and the two are combined by the merge (src/merge/control.ts).
 */
export interface ControlClaim {
  place: PlaceMention;
  /** The trigger as written ("retook", "freed", "returned"). */
  trigger: TextSpan;
  /** Who holds the place after the change, as written; null when the sentence does not say. */
  holder: TextSpan | null;
  /** Who held it before, when the sentence says ("from ISIS", "after Iraqi forces left"). */
  previous: TextSpan | null;
  date: DayInterval | null;
  /** 1 the day is known, 2 within a week or so, 3 vaguer. */
  precision: 1 | 2 | 3;
  /** Only part of the place changed hands ("two more districts in Mosul", "the outskirts of Kirkuk"). */
  part: boolean;
  sentence: { start: number; end: number };
}

const PART = /\b(?:districts?|neighbou?rhoods?|parts?|areas?|quarters?|outskirts|suburbs?|sections?|villages|positions|edges?|half)\b[^.;]{0,30}$/i;

// Words for taking or retaking a place. Participles double as passives ("had been freed", "freed over the weekend").
const GAIN = /\b(?:retook|retaken|retakes|recaptured|recaptures|regained|regains|reclaimed|reclaims|seized|seizes|captured|captures|overran|overrun|overruns|freed|frees|liberated|liberates|took (?:full |back )?control of|taken (?:full |back )?control of|took over|taken over|took back|taken back|won back|gained control of|regained control of|wrested(?: control of)?|fell to)\b/giu;
const PARTICIPLE = /^(?:retaken|recaptured|regained|reclaimed|seized|captured|overrun|freed|liberated|taken (?:full |back )?control of|taken over|taken back|wrested)/i;
const RETURN = /\breturned\b(?:[^.;]{0,80}?)\bafter\s+((?:the\s+)?[^.;,]{2,60}?)\s+(?:had\s+)?(?:left|withdrew|pulled out|departed|moved on|retreated)\b/giu;
// Intentions, futures and negations are not changes: "to free Mosul", "the fight to retake", "failed to seize".
const NOT_DONE = /\b(?:to|will|would|could|might|may|must|should|shall|cannot|can't|not|never|yet to|plan(?:s|ned)?(?: to)?|aim(?:s|ed)?(?: to)?|bid|push|effort|attempts?|fight|way|order|trying|tries|vow(?:ed|s)?|threaten(?:ed|s)?|expected|hope[sd]?|able)\s+(?:to\s+)?(?:(?:\w+ly|yet|even|fully|ever|still)\s+)?$/i;
const ARMED_NOUNS = ['militants', 'fighters', 'forces', 'troops', 'rebels', 'insurgents', 'gunmen', 'soldiers', 'army', 'police', 'militia', 'militiamen', 'jihadists', 'extremists']
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join('|');
const ARMED_NP = new RegExp(
  String.raw`(?:(?:\b[Tt]he\s+|\p{Lu}[\p{L}'-]*\s+){0,3}\b(?:${ARMED_NOUNS})\b|\b(?:ISIS|ISIL|IS|Daesh|Taliban|al-Shabaab|Houthis|Hezbollah|Hamas|Boko Haram)\b(?:\s+(?:militants|fighters))?)`,
  'gu',
);
/** A place named as a reference point, not as what changed hands: "east of Mosul", "near Kirkuk", "on the road to Erbil". */
const REFERENCE_BEFORE = /\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:part\s+)?of|km\s+(?:\w+\s+)?(?:of|from)|miles\s+(?:\w+\s+)?(?:of|from)|near|outside|toward|towards|from|close to|beyond|road to|way to|edge of|outskirts of)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$/i;
/** What may stand between a passive's subject and its verb: "Hamdaniya -- freed", "the town had been freed", "towns that were retaken". */
const PASSIVE_GAP = /^[\s,—–-]*(?:(?:that|which|who)\s+)?(?:(?:has|have|had|was|were|is|are|been|be|being|now|finally|fully|reportedly|also|all|both|since|just|already)\s+)*$/i;
/** Between places of one list: "Hamdaniya and Bartella", "Hamdaniya, also known as Qaraqosh,". */
const LIST_GAP = /^\s*(?:,|and|or|&|--|—|–|,\s*(?:and|or)|,?\s*also (?:known|called) as|\s)*\s*(?:the\s+(?:towns?|villages?|cities|city)\s+of\s+)?$/i;

/** The places a passive verb is about: the list of places right before it, nothing else between. */
function placeRunBefore(text: string, places: readonly PlaceMention[], at: number): PlaceMention[] {
  const before = places.filter((p) => p.end <= at).sort((a, b) => b.end - a.end);
  const run: PlaceMention[] = [];
  let edge = at;
  for (const p of before) {
    const gap = text.slice(p.end, edge);
    if (!(run.length === 0 ? PASSIVE_GAP : LIST_GAP).test(gap)) break;
    run.push(p);
    edge = p.start;
  }
  return run.reverse();
}

const AUX = /\b(?:been|was|were|is|are|be|being|get|got)\s+(?:\w+ly\s+)?$/i;
const NOT_ACTOR = /^(?:it|this|that|which|who|they|he|she|we|there|the town|the city|the village|the area|the district|town|city)$/i;

/** Time adverbials that open a clause before its subject: "on Sunday they", "early on Monday, troops". */
const LEADING_TIME = /^(?:(?:early|late|later|earlier)\s+)?(?:(?:on|in|at|by|during|over|since)\s+(?:the\s+)?(?:\p{L}+day|\p{Lu}\p{L}+\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{L}+|morning|afternoon|evening|night|weekend|week|month)|today|yesterday|overnight|now|then|meanwhile)\b[\s,]*/iu;

function trimActor(text: string, start: number): TextSpan | null {
  let s = start;
  let t = text;
  for (let m = LEADING_TIME.exec(t); m && m[0].length > 0; m = LEADING_TIME.exec(t)) {
    s += m[0].length;
    t = t.slice(m[0].length);
  }
  const lead = /^(?:[\s"“'(]|and\s|but\s|that\s|then\s|as\s|after\s|when\s|since\s|before\s|while\s|who\s|which\s)+/i.exec(t);
  if (lead) {
    s += lead[0].length;
    t = t.slice(lead[0].length);
  }
  t = t.replace(/(?:\s+(?:had|have|has|also|then|finally|eventually|now|later|reportedly|quickly))*[\s,"”')]*$/iu, '');
  if (!t || !/\p{L}/u.test(t) || t.split(/\s+/).length > 8 || NOT_ACTOR.test(t)) return null;
  return { start: s, end: s + t.length, text: t };
}

/** Asides between a subject and its verb: "forces, with U.S. support, reclaimed", "troops, backed by jets, retook". */
const ASIDE = /^\s*(?:with|backed by|supported by|along with|aided by|helped by|including|according to|on \w+day|in \w+|after \w+|\w+ly\b)/i;

/** The subject before a trigger, back to the start of its clause, stepping over asides set off by commas. */
function subjectBefore(text: string, clauseStart: number, at: number): TextSpan | null {
  const raw = text.slice(clauseStart, at);
  const boundary = /[,:;]|\s--\s|\s[—–]\s|\bthat\b/giu;
  // Segments between boundaries, as [from, to) within raw.
  const segs: [number, number][] = [];
  let last = 0;
  for (let m = boundary.exec(raw); m; m = boundary.exec(raw)) {
    segs.push([last, m.index]);
    last = m.index + m[0].length;
  }
  segs.push([last, raw.length]);
  for (let i = segs.length - 1; i >= 0; i--) {
    const [from, to] = segs[i]!;
    let seg = raw.slice(from, to);
    let segStart = clauseStart + from;
    if (!seg.trim() || (i > 0 && ASIDE.test(seg))) continue;
    // "Iraq's government says its security forces": the subject is what follows the verb of saying.
    const said = /^.*\b(?:says|said|say|reports?|reported|announced|claims?|claimed)\s+/iu.exec(seg);
    if (said) {
      segStart += said[0].length;
      seg = seg.slice(said[0].length);
    }
    return trimActor(seg, segStart);
  }
  return null;
}

/** The date of a change told in a sentence: a date named in it, "N years ago", else the publication date. */
function changeDate(d: DocView, s: { start: number; end: number }): { date: DayInterval | null; precision: 1 | 2 | 3 } {
  const times = within(d.times, s.start, s.end);
  const pub = d.publishedDay;
  for (const t of times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const iv = timexInterval(t.value);
    if (iv) return { date: iv, precision: iv.start === iv.end ? 1 : iv.end <= addDays(iv.start, 7) ? 2 : 3 };
  }
  for (const t of times) {
    if (t.type !== 'DURATION' || !pub) continue;
    const n = durationDays(t.value);
    if (n && /^\s*ago\b/i.test(d.text.slice(t.end, t.end + 6))) {
      const day = addDays(pub, -n);
      return { date: interval(addDays(day, -30), day), precision: 3 };
    }
  }
  return { date: pub ? interval(pub, pub) : null, precision: 2 };
}

/**
 * Does the text say, as done, that a place changed hands? False when every territory word in it is an
 * intention, a plan or a negation ("an operation to free the city", "hope to retake it"), or when there
 * is none at all; null when it holds no territory word (nothing to go on either way).
 */
export function saysTerritoryChanged(text: string): boolean | null {
  GAIN.lastIndex = 0;
  let any = false;
  for (let m = GAIN.exec(text); m; m = GAIN.exec(text)) {
    any = true;
    if (!NOT_DONE.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  if (/\breturned\b/i.test(text)) return true;
  // Bare verbs ("to free", "will retake", "liberating") never report a change as done.
  if (/\b(?:free|freeing|retake|retaking|recapture|recapturing|liberate|liberating|capture|capturing|seize|seizing|take back|taking back|regain|reclaim)\b/i.test(text)) any = true;
  return any ? false : null;
}

export function scanControl(d: DocView): ControlClaim[] {
  const out: ControlClaim[] = [];
  const text = d.text;
  for (const s of d.sentences) {
    if (s.kind === 'boilerplate') continue;
    const st = text.slice(s.start, s.end);
    if (!/(?:retoo|retak|recaptur|regain|reclaim|seiz|captur|overr|free|liberat|control|took over|taken over|took back|taken back|won back|wrest|fell to|returned)/i.test(st)) continue;
    const places = within(d.places, s.start, s.end).filter((p) => p.kind !== 'country');
    if (places.length === 0) continue;
    const { date, precision } = changeDate(d, s);
    GAIN.lastIndex = 0;
    for (let m = GAIN.exec(st); m; m = GAIN.exec(st)) {
      const at = s.start + m.index;
      const before = st.slice(Math.max(0, m.index - 40), m.index);
      if (NOT_DONE.test(before)) continue;
      const word = m[0];
      const trigger = { start: at, end: at + word.length, text: word };
      const clauseEndRel = (() => {
        const r = st.slice(m.index + word.length).search(/[;.!?]|,\s+(?:a|an|the|said|says|according|while|but|and)\b|\s--\s|\s[—–]\s/i);
        return r < 0 ? st.length : m.index + word.length + r;
      })();
      // Places after the verb are its objects, unless named as a reference point ("east of Mosul").
      const after = places.filter((p) => p.start >= trigger.end && p.start < s.start + clauseEndRel && !REFERENCE_BEFORE.test(text.slice(Math.max(s.start, p.start - 30), p.start)));
      const run = placeRunBefore(text, places, at);
      const passive = (AUX.test(before) || (after.length === 0 && PARTICIPLE.test(word))) && run.length > 0;
      if (/^fell to$/i.test(word)) {
        // "Mosul fell to ISIS in 2014": the place is the subject, the new holder follows.
        const h = /^\s+((?:the\s+)?[^,.;]{2,60}?)(?=\s*(?:[,.;]|\s+(?:in|on|after|when|last|this)\b|$))/iu.exec(st.slice(m.index + word.length));
        const holder = h ? trimActor(h[1]!, trigger.end + h[0].indexOf(h[1]!)) : null;
        for (const p of places.filter((p) => p.end <= at)) out.push({ place: p, trigger, holder, previous: null, date, precision, part: false, sentence: s });
        continue;
      }
      if (passive) {
        const targets = run;
        const by = /^\s+by\s+((?:the\s+)?[^,.;]{2,60}?)(?=\s*(?:[,.;]|\s+(?:in|on|after|over|during|last|this)\b|$))/iu.exec(st.slice(m.index + word.length));
        const holder = by ? trimActor(by[1]!, trigger.end + by[0].indexOf(by[1]!)) : null;
        for (const p of targets) out.push({ place: p, trigger, holder, previous: null, date, precision, part: false, sentence: s });
      } else {
        if (after.length === 0) continue;
        const clauseStart = Math.max(s.start, ...places.filter((p) => p.end <= at).map((p) => p.end));
        const holder = subjectBefore(text, clauseStart, at);
        const fromM = /\bfrom\s+((?:the\s+)?[^,.;]{2,60}?)(?=\s*(?:[,.;]|\s+(?:in|on|after|over|during|last|this|and)\b|$))/iu.exec(text.slice(trigger.end, s.start + clauseEndRel));
        const previous = fromM ? trimActor(fromM[1]!, trigger.end + fromM.index + fromM[0].indexOf(fromM[1]!)) : null;
        for (const p of after) {
          const part = PART.test(text.slice(trigger.end, p.start));
          out.push({ place: p, trigger, holder, previous, date, precision, part, sentence: s });
        }
      }
    }
    RETURN.lastIndex = 0;
    for (let m = RETURN.exec(st); m; m = RETURN.exec(st)) {
      const at = s.start + m.index;
      const trigger = { start: at, end: at + 'returned'.length, text: 'returned' };
      const prevStart = at + m[0].indexOf(m[1]!, 'returned'.length);
      const previous = trimActor(m[1]!, prevStart);
      // The returning side is the last armed group named before "returned" in the sentence.
      const lead = st.slice(0, m.index);
      let subj: RegExpExecArray | null = null;
      ARMED_NP.lastIndex = 0;
      for (let a = ARMED_NP.exec(lead); a; a = ARMED_NP.exec(lead)) subj = a;
      const holder = subj ? trimActor(subj[0], s.start + subj.index) : null;
      for (const p of places) out.push({ place: p, trigger, holder, previous, date, precision, part: false, sentence: s });
    }
  }
  return out;
}
