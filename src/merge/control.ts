import { sameActorName } from './actors.js';
import type { MergedEvent } from './coref.js';
import { intersect, interval, overlap, type DayInterval } from './dates.js';
import { TERRITORY_SUBTYPES } from './event-family.js';
import type { SourceRef } from './input.js';
import type { ControlItem } from './items.js';

/** One change of hands in a place's history: from this date, `holder` held it (as far as the reports say). */
export interface ControlChange {
  date: DayInterval | null;
  precision: 1 | 2 | 3;
  /** Who holds the place after the change; null when the reports do not say (a town "freed" by no one named). */
  holder: string | null;
  /** Who held it before, when said. */
  previous: string | null;
  /** How, in the reports' words ("retook", "freed", "returned") or the event's sub-type. */
  how: string;
  /** Only part of the place changed hands (districts of a city). */
  part: boolean;
  /** The merged event the change is coded as, when there is one. */
  eventId: string | null;
  sources: SourceRef[];
  /** Identity within the place's history: the coded event's id, else the first sentence's item key. */
  key: string;
}

/** "its troops", "their forces": a holder named only through a pronoun fits any holder. */
const POSSESSIVE = /^(?:its|their|his|her|our)\b/i;

function sameHolder(a: string | null, b: string | null): boolean {
  return !a || !b || POSSESSIVE.test(a) || POSSESSIVE.test(b) || sameActorName(a, b);
}

/** Of two ways to name a holder, the one that names it. */
function betterHolder(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (b && POSSESSIVE.test(a) && !POSSESSIVE.test(b)) return b;
  return a;
}

/** A return ("militants returned after forces left") is a change of its own, never folded into a capture. */
function isReturn(how: string): boolean {
  return /^returned$/i.test(how);
}

function datesMeet(a: DayInterval | null, b: DayInterval | null): boolean {
  return !a || !b || overlap(a, b);
}

/** The canonical order control sentences are combined in: by publication day, then document and position. */
export function controlOrder(c: ControlItem): string {
  return `${c.doc.day ?? '9999-99-99'}|${c.key}`;
}

/**
 * One place's control history: changes from coded territory events (sub-types "Government regains
 * territory", "Non-state actor overtakes territory", "Non-violent transfer of territory") and from sentences
 * that say the place changed hands, combined when they tell the same change. `events` are the merged events
 * located at the place, `claims` the control sentences about it; both are put in canonical order first, so
 * the history depends only on which documents there are.
 */
export function controlHistory(events: readonly MergedEvent[], claims: readonly ControlItem[]): ControlChange[] {
  const l: ControlChange[] = [];
  // The sentences each change is told by, by document (a claim is "told" by a change holding a sentence of its
  // document that overlaps its own), and each change's sources by document and start (no source twice). Kept
  // as the changes grow, so each claim is placed in time independent of how much evidence the place holds
  // (a scan of every source of every change made the fold quadratic: 600 sentences at a busy region).
  const told = new Map<string, { at: number; coded: boolean; start: number; end: number }[]>();
  const sourceKeys: Set<string>[] = [];
  const tell = (at: number, s: Pick<SourceRef, 'documentId' | 'sentence' | 'start'>) => {
    const list = told.get(s.documentId);
    const entry = { at, coded: !!l[at]!.eventId, start: s.sentence.start, end: s.sentence.end };
    if (list) list.push(entry);
    else told.set(s.documentId, [entry]);
    sourceKeys[at]!.add(`${s.documentId}\u0000${s.start}`);
  };
  const holders = new Map<string, boolean>();
  const holderFits = (a: string | null, b: string | null): boolean => {
    if (!a || !b) return true;
    const k = `${a}\u0000${b}`;
    let v = holders.get(k);
    if (v === undefined) holders.set(k, (v = sameHolder(a, b)));
    return v;
  };
  const evs = events
    .filter((ev) => TERRITORY_SUBTYPES.has(ev.subType))
    .sort((a, b) => (a.date?.start ?? '9999').localeCompare(b.date?.start ?? '9999') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const ev of evs) {
    // A coded takeover whose every report speaks of it only as an aim ("an operation to free the city")
    // is not a change of hands.
    if (ev.territory && !ev.territory.changed) continue;
    l.push({
      date: ev.date ? interval(ev.date.start, ev.date.end) : null,
      precision: ev.date?.precision ?? 3,
      holder: ev.actor1?.name ?? null,
      previous: ev.actor2?.name ?? null,
      how: ev.territory?.trigger ?? ev.subType.toLowerCase(),
      part: false,
      eventId: ev.id,
      key: ev.id,
      sources: ev.sources.map((s) => ({ documentId: s.documentId, outlet: s.outlet, published: s.published, start: s.start, end: s.end, text: s.text, sentence: s.sentence })),
    });
    sourceKeys.push(new Set());
    for (const s of l[l.length - 1]!.sources) tell(l.length - 1, s);
  }
  const ordered = claims.map((c) => ({ c, o: controlOrder(c) })).sort((a, b) => (a.o < b.o ? -1 : a.o > b.o ? 1 : 0));
  for (const { c } of ordered) {
    const ref: SourceRef = {
      documentId: c.doc.id,
      outlet: c.doc.outlet,
      published: c.doc.day,
      start: c.trigger.start,
      end: c.trigger.end,
      text: c.trigger.text,
      sentence: c.sentence,
    };
    // The first change (in the order they were made) telling this sentence as a coded event, and whether a
    // change made from sentences already tells it.
    let coded = -1;
    let toldAlready = false;
    for (const t of told.get(c.doc.id) ?? []) {
      if (!(t.start < c.sentence.end && c.sentence.start < t.end)) continue;
      if (t.coded) {
        if (coded < 0 || t.at < coded) coded = t.at;
      } else toldAlready = true;
    }
    // The same sentence already told as a coded event: fill in what the event did not say.
    if (coded >= 0) {
      const x = l[coded]!;
      x.holder ??= c.holder;
      x.previous ??= c.previous;
      x.part ||= c.part;
      continue;
    }
    if (toldAlready) continue;
    const ret = isReturn(c.trigger.text);
    const at = l.findIndex((x) => x.part === c.part && datesMeet(x.date, c.date) && isReturn(x.how) === ret && holderFits(x.holder, c.holder));
    if (at >= 0) {
      const same = l[at]!;
      if (!sourceKeys[at]!.has(`${ref.documentId}\u0000${ref.start}`)) {
        same.sources.push(ref);
        tell(at, ref);
      }
      same.holder = betterHolder(same.holder, c.holder);
      same.previous ??= c.previous;
      if (same.date && c.date) same.date = intersect(same.date, c.date) ?? same.date;
      same.precision = Math.min(same.precision, c.precision) as 1 | 2 | 3;
      continue;
    }
    l.push({ date: c.date, precision: c.precision, holder: c.holder, previous: c.previous, how: c.trigger.text, part: c.part, eventId: null, sources: [ref], key: c.key });
    sourceKeys.push(new Set());
    tell(l.length - 1, ref);
  }
  l.sort((a, b) => (controlSortKey(a) < controlSortKey(b) ? -1 : 1));
  return l;
}

/** The order of a place's history: by date (undated last), coded events before sentences on a tie, then by key. */
export function controlSortKey(c: ControlChange): string {
  return `${c.date?.start ?? '9999'}|${c.date?.end ?? ''}|${c.eventId ? 0 : 1}|${c.key}`;
}
