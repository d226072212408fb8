import type { Draft } from './assemble.js';
import type { EventLocation, EventMention } from './types.js';
import type { ActorRef } from './roles.js';
import { earlierPeriod, fit } from './assemble.js';
import type { Proposal } from './propose.js';
import { placesFit } from './continuation.js';
import type { PlaceMention } from '../places/types.js';
import { km } from '../../core/geo.js';

/**
 * Within-document event coreference over whole drafts (assemble.ts joins a mention to the occurrence just
 * told; this joins occurrences told apart in one article). A news story tells its incident in the headline,
 * again in the lead, again in a quote, a toll and a denial paragraphs later: "Gunmen ambush police convoy",
 * "More than 30 gunmen were waiting for them Monday", "The attack — the worst in years — came ...". Each
 * retelling is the same occurrence when nothing tells them apart:
 * - no marker of another occurrence ("in another attack", "a second strike", "also captured");
 * - dates that can overlap (each told in its own words), places that are one, around one another or near;
 * - kinds of act that belong to one incident (violence of any type with the damage and seizures done in it;
 *   a crowd with the force used on it; arrests with the weapons found; the same change of territory);
 * - no other perpetrator: a retelling names the same acting side or none, and an act by the side that was
 *   attacked (a counter-attack, an air strike on the attackers, a town retaken) is an occurrence of its own.
 */

/** A draft with the event it codes, as index.ts builds it. */
export interface Told {
  draft: Draft;
  ev: EventMention;
}

type Family = 'violent' | 'crowd' | 'territory' | 'property' | 'arrest' | 'weapons' | 'agreement' | 'other';

const TERRITORY_SUBTYPES = new Set(['Non-state actor overtakes territory', 'Government regains territory', 'Non-violent transfer of territory']);

function family(ev: EventMention): Family {
  if (TERRITORY_SUBTYPES.has(ev.subType)) return 'territory';
  if (ev.type === 'Battles' || ev.type === 'Violence against civilians' || ev.type === 'Explosions/Remote violence') return 'violent';
  if (ev.type === 'Protests' || ev.type === 'Riots') return 'crowd';
  if (ev.subType === 'Looting/property destruction') return 'property';
  if (ev.subType === 'Arrests') return 'arrest';
  if (ev.subType === 'Disrupted weapons use') return 'weapons';
  if (ev.subType === 'Agreement') return 'agreement';
  return 'other';
}

/** Kinds of act one incident can hold, whichever is told first. */
function familiesFit(a: Family, b: Family): boolean {
  if (a === b) return a !== 'other';
  const pair = new Set([a, b]);
  const has = (x: Family, y: Family) => pair.has(x) && pair.has(y);
  return has('violent', 'property') || has('violent', 'territory') || has('violent', 'crowd') || has('violent', 'weapons') ||
    has('territory', 'property') || has('arrest', 'weapons') || has('crowd', 'property') || has('crowd', 'arrest');
}

/**
 * The day interval of an event's own date (its words, its sentence or paragraph), null for the publication
 * day. A single day at week or month precision is a report's day ("the ministry reported on Saturday"): the
 * act happened on it or in the week (month) before.
 */
function ownDays(ev: EventMention): { start: string; end: string; from: string } | null {
  const d = ev.date;
  if (!d || d.from === 'publication') return null;
  const start = d.start === d.end && d.precision > 1 ? shift(d.end, d.precision === 2 ? -6 : -30) : d.start;
  return { start, end: d.end, from: d.from ?? 'span' };
}

function shift(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The two dates can be one occurrence's: they overlap. A date borrowed from the paragraph is weaker and only
 * a clear gap of more than a week separates.
 */
function datesFit(a: EventMention, b: EventMention): boolean {
  const x = ownDays(a);
  const y = ownDays(b);
  if (!x || !y) return true;
  const slack = x.from === 'paragraph' || y.from === 'paragraph' ? 7 : 0;
  return x.start <= shift(y.end, slack) && y.start <= shift(x.end, slack);
}

/**
 * A retelling that refers back ("The attack, by two bombers, struck ... before the withdrawal set for
 * Tuesday") may sit in a sentence whose date is another clause's: only a date in its own words sets it apart
 * by days; one from its sentence or paragraph only by more than a week.
 */
function retellingDatesFit(a: Told, b: Told): boolean {
  if (datesFit(a.ev, b.ev)) return true;
  const p = b.draft.parts[0]!;
  const from = b.ev.date?.from;
  const toks = p.view.toks;
  // its sentence opens on a definite noun for the act ("The attack, by ...")
  const opens = /^(the|this|that)$/.test(toks[0]?.low ?? '') && fit(a.draft, toks[1]?.low ?? null) > 0;
  if (!(p.anaphor || opens) || (from !== 'sentence' && from !== 'paragraph')) return false;
  const x = ownDays(a.ev);
  const y = ownDays(b.ev);
  return !x || !y || (x.start <= shift(y.end, 7) && y.start <= shift(x.end, 7));
}

/**
 * The places each draft names itself (not the story's focus), less the places an attack came from ("rockets
 * fired from Lebanon", "a drone launched from Yemen"): where it was launched is not where it struck.
 */
function ownPlaces(d: Draft): PlaceMention[] {
  return d.parts.flatMap((p) => p.places.filter((pl) => !notWhereItHappened(p, pl)));
}

/** Verbs a country says things with: "France condemned the attack", "Kenya called for calm". */
const SPEAKS = /^(condemned|condemns|denounced|denounces|said|says|called|calls|urged|urges|welcomed|welcomes|expressed|expresses|announced|announces|demanded|demands|warned|warns|deplored|deplores|mourned|mourns|offered|offers)$/;

function notWhereItHappened(p: Proposal, pl: PlaceMention): boolean {
  const toks = p.view.toks;
  const k = toks.findIndex((t) => t.start === pl.start);
  if (k < 0) return false;
  // A country that speaks is a government, not where the act happened.
  if (pl.kind === 'country') {
    let e = k + 1;
    while (e < toks.length && toks[e]!.end <= pl.end) e++;
    while (e < toks.length && /^["“”']$/.test(toks[e]!.low)) e++;
    if (SPEAKS.test(toks[e]?.low ?? '')) return true;
  }
  if (k < 1) return false;
  let j = k - 1;
  while (j > 0 && /^(the|southern|northern|eastern|western|south|north|east|west)$/.test(toks[j]!.low)) j--;
  if (toks[j]!.low === 'from' && /^(fired|launched|shot|came|coming|flew|flying|sent|barrages?|rockets?|missiles?|drones?|shells?)$/.test(toks[j - 1]?.low ?? '')) return true;
  // "fled toward the city", "sought refuge in the nearby town of X": where people went, not where it happened.
  for (let i = j - 1; i >= Math.max(0, j - 6); i--) {
    const w = toks[i]!.low;
    if (/^[,;.]$/.test(w)) break;
    if (/^(fled|flee|fleeing|flees|refuge|shelter|escaped|displaced|evacuated|relocated)$/.test(w)) return /^(to|toward|towards|in|into|at)$/.test(toks[j]!.low) || toks[j]!.low === 'of';
  }
  return false;
}

/** Places a few kilometres past the 30 km of continuation.ts: a named area's centre and a town in it. */
const NEAR_KM = 40;

/** Every own place of `b` that is not a country or province lies near one of `a`'s. */
function nearAll(pa: PlaceMention[], pb: PlaceMention[]): boolean {
  const small = (x: PlaceMention) => x.kind !== 'country' && x.kind !== 'admin1';
  const bs = pb.filter(small);
  return bs.length > 0 && bs.length === pb.length && bs.every((x) => pa.some((y) => small(y) && km(x.lat, x.lon, y.lat, y.lon) <= NEAR_KM));
}

/**
 * The two can have happened at one place: the places each names are one, contain one another or lie near
 * (continuation.ts), and where neither names one, their resolved locations agree.
 */
function placesAgree(a: Told, b: Told): boolean {
  const pa = ownPlaces(a.draft);
  const pb = ownPlaces(b.draft);
  if (pa.length && pb.length) return placesFit(pb, pa) || placesFit(pa, pb) || nearAll(pa, pb) || nearAll(pb, pa);
  // A location taken from a place that is not where it happened ("France condemned ...") tells nothing.
  const dropped = (t: Told) => t.draft.parts.some((p) => p.places.some((pl) => pl.name === t.ev.location?.name && notWhereItHappened(p, pl)));
  const la = dropped(a) ? null : a.ev.location;
  const lb = dropped(b) ? null : b.ev.location;
  if (!la || !lb) return true;
  // A later telling that names no place of its own ("the group said it had targeted army positions", a place
  // the gazetteer lacks) is read where the story has been told; the place its location borrowed from nearby
  // sentences is weak, and only another country tells it apart. (An earlier placeless telling, a headline,
  // takes its place from what follows it: its location stands.)
  if (pb.length === 0) return la.country === lb.country;
  // Near each other whatever country the gazetteer files them under (border areas, disputed land).
  if (la.precision < 3 && lb.precision < 3 && km(la.lat, la.lon, lb.lat, lb.lon) <= 40) return true;
  if (la.country !== lb.country) return false;
  // A region or country contains what lies in it.
  if (la.precision === 3 || lb.precision === 3) return contains(la, lb) || contains(lb, la);
  return la.name === lb.name || km(la.lat, la.lon, lb.lat, lb.lon) <= 30;
}

/** `big`, a region or country, holds `small`: the same admin area, or (admin codes differ across sources) near it. */
function contains(big: EventLocation, small: EventLocation): boolean {
  if (big.precision !== 3) return false;
  if (big.admin1 === null || big.admin1 === small.admin1 || big.name === small.name) return true;
  return km(big.lat, big.lon, small.lat, small.lon) <= 100;
}

/** Territory changes are one occurrence only at one place. */
function samePlaceTaken(a: Told, b: Told): boolean {
  const la = a.ev.location;
  const lb = b.ev.location;
  if (!la || !lb) return true;
  return la.name === lb.name || km(la.lat, la.lon, lb.lat, lb.lon) <= 10;
}

const ARMED = new Set(['state', 'rebel', 'militia', 'identity', 'external', 'unidentified']);

/**
 * The side an actor stands for: a state's forces, police and government are one side ("state:iraq", or
 * "state:" when the country is not known); a named group by its name. Null for no armed side, or for one the
 * text does not name ("gunmen", "a paramilitary attack", "militants"): such words may stand for anyone.
 */
function sideOf(a: ActorRef): string | null {
  if (!ARMED.has(a.cls)) return null;
  if (a.cls === 'state') return `state:${a.country?.name.toLowerCase() ?? ''}`;
  return a.generic ? null : a.name;
}

function sameSide(x: string, y: string): boolean {
  if (x === y) return true;
  // A state whose country the text leaves open is any state.
  return x.startsWith('state:') && y.startsWith('state:') && (x === 'state:' || y === 'state:');
}

/**
 * The acting side a told occurrence names in its own words: its main evidence's agent, else the agent of
 * another of its parts that tells the same type of act. (Not the coded actor 1: coding fills in defaults, the
 * story's main group for "gunmen", which would set retellings apart.)
 */
export function actingSide(t: Told): string | null {
  const own = (a: ActorRef | null | undefined) => (a && !a.implicit ? sideOf(a) : null);
  const main = own(t.draft.parts[0]!.roles.agent);
  if (main) return main;
  // Another part's agent, when it acts the main evidence's kind of act.
  for (const p of t.draft.parts.slice(1)) {
    const s = p.coding.type === t.draft.parts[0]!.coding.type ? own(p.roles.agent) : null;
    if (s) return s;
  }
  return null;
}

const AIR = new Set(['Air/drone strike']);

/**
 * The acts are by different sides: both name who acted and the sides differ. That is a reply by the side
 * attacked (an air strike on the attackers, a recapture), or a third party's act told alongside (coalition
 * air strikes during a ground assault), which ACLED codes apart. An air strike is no act of an armed group
 * without aircraft: told beside a group's attack, it is the other side's reply.
 */
function otherPerpetrator(a: Told, b: Told): boolean {
  const x = actingSide(a);
  const y = actingSide(b);
  if (x && y) return !sameSide(x, y);
  const grounded = (s: string | null) => !!s && !s.startsWith('state:');
  return (AIR.has(b.ev.subType) && grounded(x)) || (AIR.has(a.ev.subType) && grounded(y));
}

/** "Two capitals were also captured", "carried out another strike": an act told as one more of its kind. */
function toldAsAnother(d: Draft): boolean {
  if (d.newMarker || d.parts[0]!.seg.newMarker) return true;
  const p = d.parts[0]!;
  // "Last week gunmen raided a camp": another period, so another act, even where no date resolves.
  if (earlierPeriod(p)) return true;
  const t = p.coding.main;
  const toks = p.view.toks;
  if (t.kind === 'kill' || t.kind === 'wound' || t.kind === 'killwound') return false;
  for (let k = t.tokStart - 1; k >= Math.max(0, t.tokStart - 3); k--) {
    const w = toks[k]!.low;
    if (w === 'also' || w === 'another') return true;
    if (toks[k]!.pos !== 'AUX' && toks[k]!.pos !== 'ADV' && !/^(been|be|was|were|has|have|had)$/.test(w)) break;
  }
  return false;
}

/** A crowd event and violence join only where the violence is the force used on the crowd or the crowd's own. */
function crowdFits(a: Told, b: Told): boolean {
  const fa = family(a.ev);
  const fb = family(b.ev);
  if (!(fa === 'crowd' || fb === 'crowd') || fa === fb) return true;
  const violent = fa === 'crowd' ? b : a;
  const n = violent.ev.actor1?.name ?? '';
  const m = violent.ev.actor2?.name ?? '';
  return /^(Police Forces|Military Forces|Protesters|Rioters)/.test(n) || /^(Protesters|Rioters)/.test(m) || /^Unidentified/.test(n);
}

/**
 * Something says `b` tells `a` again, beyond not contradicting it: `b` refers back (a definite noun that
 * names `a`'s kind of act, "the attack", "the blast"; a pronoun; only the dead, "13 officers were killed"),
 * is a headline of `a`'s type, codes the same type and sub-type, names the same acting side, or is told
 * right after `a` as the same type of act. Two acts of different kinds far apart in a story with nobody named
 * ("the executions near Nimrud", "air strikes on the town centre") are not taken for one.
 */
function tellsAgain(a: Told, b: Told): boolean {
  const p = b.draft.parts[0]!;
  if (p.anaphor === 'pronoun' || p.anaphor === 'outcome') return true;
  if (p.anaphor === 'definite' && fit(a.draft, p.anaphorHead) > 0) return true;
  const sameType = a.ev.type === b.ev.type;
  if (sameType && (a.ev.subType === b.ev.subType || p.view.sentence.kind === 'heading' || a.draft.parts[0]!.view.sentence.kind === 'heading')) return true;
  const x = actingSide(a);
  const y = actingSide(b);
  if (x && y && sameSide(x, y)) return true;
  // Coded to the same named actor 1 (coding may fill in the story's group for "the militants" on both).
  const n = a.ev.actor1?.name;
  if (n && n === b.ev.actor1?.name && !/^(Unidentified|Civilians|Protesters|Rioters)/.test(n)) return true;
  const near = a.draft.parts.some((q) => Math.abs(q.view.sentence.index - p.view.sentence.index) <= 2);
  if (sameType && near) return true;
  // "the militants had arrived in trucks", "the gunmen fled": the side that acts is the one already told.
  if (b.draft.parts.some(refersToAgent)) return true;
  // A story's lead tells its incident over its first sentences (headline, lead, the paragraph after), in
  // words that may code it differently (an ambush as a clash or an attack on civilians), but one act of a kind.
  return lead(a.draft.parts[0]!) && lead(p) && (sameType || a.ev.type !== 'Battles' && b.ev.type !== 'Battles' || TERRITORY_SUBTYPES.has(a.ev.subType) === TERRITORY_SUBTYPES.has(b.ev.subType));
}

/** Among the first sentences of the story: the headline, the lead and the next paragraph or two. */
const LEAD_SENTENCES = 5;
function lead(p: Proposal): boolean {
  return p.view.sentence.index < LEAD_SENTENCES;
}

/** The part's agent is a definite generic noun that points back ("the militants", "the attackers"). */
function refersToAgent(p: Proposal): boolean {
  const a = p.roles.agent;
  if (!a || !a.generic || a.implicit || a.cls === 'state' || a.cls === 'civilians') return false;
  const k = p.view.toks.findIndex((t) => t.start === a.start);
  return k > 0 && /^(the|these|those)$/.test(p.view.toks[k - 1]!.low);
}

/** `b`, told after `a`, tells the same occurrence. */
export function sameOccurrence(a: Told, b: Told): boolean {
  return whyApart(a, b) === null;
}

function whyApart(a: Told, b: Told): string | null {
  if (toldAsAnother(b.draft)) return 'another';
  const fa = family(a.ev);
  const fb = family(b.ev);
  if (!familiesFit(fa, fb)) return 'families';
  // Arrests at a demonstration are told after it ("Police dispersed the crowd ... 20 people were arrested");
  // arrests told first are an act of their own that a crowd may answer ("soldiers arrested the prime
  // minister ... protesters took to the streets").
  if (fa === 'arrest' && fb === 'crowd') return 'families';
  if (!retellingDatesFit(a, b)) return 'dates';
  if (!placesAgree(a, b)) return 'places';
  if ((fa === 'territory' || fb === 'territory') && !samePlaceTaken(a, b)) return 'territory place';
  // A territory change by the side that lost it ("The military recaptured the base") is its own occurrence.
  if (fa === 'territory' && fb === 'territory' && a.ev.subType !== b.ev.subType) return 'territory sides';
  if (!crowdFits(a, b)) return 'crowd';
  if (fa === 'crowd' || fb === 'crowd') return null;
  if (otherPerpetrator(a, b)) return 'perpetrator';
  return tellsAgain(a, b) ? null : 'no link';
}

/** Groups an occurrence may join: the most recent ones (see groupOccurrences). */
const RECENT_GROUPS = 48;

/**
 * Groups the told occurrences of a document, in text order: each joins the earliest group one of whose
 * members it tells again and none of whose members it contradicts, else starts its own.
 */
export function groupOccurrences<T extends Told>(items: T[]): T[][] {
  const groups: T[][] = [];
  for (const it of items) {
    // It joins a group when it tells one of the group's members again and contradicts none of them. Only
    // the last RECENT_GROUPS groups are candidates: an article holds far fewer, and a long document (a live
    // blog, a digest of many reports) is otherwise compared pair by pair with everything before (quadratic).
    let g: T[] | undefined;
    for (let k = Math.max(0, groups.length - RECENT_GROUPS); k < groups.length && !g; k++) {
      const grp = groups[k]!;
      const why = grp.map((x) => whyApart(x, it));
      if (process.env.DBG_OCC) console.error('  PAIR', it.ev.text.slice(0, 40).replace(/\n/g, ' '), '<>', grp[0]!.ev.text.slice(0, 40).replace(/\n/g, ' '), ':', why.map((w) => w ?? 'SAME').join(','));
      if (why.some((w) => w === null) && why.every((w) => w === null || w === 'no link')) g = grp;
    }
    if (g) g.push(it);
    else groups.push([it]);
  }
  return groups;
}

/**
 * One draft for a group: the main evidence first, the other parts in text order. The main evidence is the
 * earliest member's that is not a headline.
 */
export function joinDrafts(group: Told[]): Draft {
  return bodyFirst(joinInOrder(group));
}

function joinInOrder(group: Told[]): Draft {
  const heads = group.map((t) => t.draft);
  // The telling that comes first in the text (a lead before its later retellings), headlines aside.
  const body = heads.filter((d) => d.parts[0]!.view.sentence.kind !== 'heading');
  const main = (body.length ? body : heads).reduce((a, b) => (b.parts[0]!.span.start < a.parts[0]!.span.start ? b : a));
  const rest = heads.filter((d) => d !== main).flatMap((d) => d.parts);
  const parts = [...main.parts, ...rest.sort((x, y) => x.span.start - y.span.start)];
  return { parts, newMarker: main.newMarker };
}

const OUTCOME = new Set(['kill', 'wound', 'killwound']);

/**
 * A headline tells the act in short ("Hundreds killed in jihadist attack"); the story's sentence that tells it
 * in full is the better main evidence: its coding, date and place are the ones a coder takes. Reorders in place.
 */
export function bodyFirst(d: Draft): Draft {
  if (d.parts[0]!.view.sentence.kind !== 'heading') return d;
  // Only a telling of its own, not a retelling that refers back ("The attack — the worst in years — came ...").
  const body = d.parts.find((p) => p.view.sentence.kind !== 'heading' && !p.anaphor && p.triggers.some((t) => !OUTCOME.has(t.kind)));
  if (!body) return d;
  d.parts = [body, ...d.parts.filter((p) => p !== body)];
  return d;
}
