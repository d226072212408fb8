import type { Draft } from './assemble.js';
import type { EventMention } from './types.js';
import type { ActorRef } from './roles.js';
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
    has('territory', 'property') || has('arrest', 'weapons') || has('crowd', 'property');
}

/** The day interval of an event's own date (its words, its sentence or paragraph), null for the publication day. */
function ownDays(ev: EventMention): { start: string; end: string; from: string } | null {
  const d = ev.date;
  if (!d || d.from === 'publication') return null;
  return { start: d.start, end: d.end, from: d.from ?? 'span' };
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

/** The places each draft names itself (not the story's focus). */
function ownPlaces(d: Draft): PlaceMention[] {
  return d.parts.flatMap((p) => p.places);
}

/**
 * The two can have happened at one place: the places each names are one, contain one another or lie near
 * (continuation.ts), and where neither names one, their resolved locations agree.
 */
function placesAgree(a: Told, b: Told): boolean {
  const pa = ownPlaces(a.draft);
  const pb = ownPlaces(b.draft);
  if (pa.length && pb.length) return placesFit(pb, pa) || placesFit(pa, pb);
  const la = a.ev.location;
  const lb = b.ev.location;
  if (!la || !lb) return true;
  if (la.country !== lb.country) return false;
  // A region or country contains what lies in it.
  if (la.precision === 3 || lb.precision === 3) return la.precision === 3 && lb.precision === 3 ? true : (la.precision === 3 ? la : lb).admin1 === null || la.admin1 === lb.admin1 || la.name === lb.name;
  return la.name === lb.name || km(la.lat, la.lon, lb.lat, lb.lon) <= 30;
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
 * "state:" when the country is not known); anything else by name. Null for no armed side or an unnamed one.
 */
function sideOfRef(a: ActorRef): string | null {
  if (!ARMED.has(a.cls) || (a.cls === 'unidentified' && a.generic)) return null;
  if (a.cls === 'state') return `state:${a.country?.name.toLowerCase() ?? ''}`;
  return a.name;
}

const UNNAMED = /^(Unidentified|Civilians|Protesters|Rioters)/;
const STATE = /^(?:Military Forces|Police Forces|Government|Navy|Air Force) of (?:the )?(.+?)(?: \(.*\))?$/;

function sideOfCoded(a: { name: string } | null): string | null {
  if (!a || UNNAMED.test(a.name)) return null;
  const m = STATE.exec(a.name);
  return m ? `state:${m[1]!.toLowerCase()}` : a.name;
}

function sameSide(x: string, y: string): boolean {
  if (x === y) return true;
  // A state whose country the text leaves open is any state.
  return x.startsWith('state:') && y.startsWith('state:') && (x === 'state:' || y === 'state:');
}

/** The acting side of a told occurrence: the agent the text names, else the coded actor 1. */
function actingSide(t: Told): string | null {
  for (const p of t.draft.parts) {
    const s = p.roles.agent ? sideOfRef(p.roles.agent) : null;
    if (s) return s;
  }
  return sideOfCoded(t.ev.actor1);
}

/**
 * The acts are by different sides: both name who acted and the sides differ. That is a reply by the side
 * attacked (an air strike on the attackers, a recapture), or a third party's act told alongside (coalition
 * air strikes during a ground assault), which ACLED codes apart.
 */
function otherPerpetrator(a: Told, b: Told): boolean {
  const x = actingSide(a);
  const y = actingSide(b);
  return !!x && !!y && !sameSide(x, y);
}

/** "Two capitals were also captured", "carried out another strike": an act told as one more of its kind. */
function toldAsAnother(d: Draft): boolean {
  if (d.newMarker || d.parts[0]!.seg.newMarker) return true;
  const p = d.parts[0]!;
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

/** `b`, told after `a`, tells the same occurrence. */
export function sameOccurrence(a: Told, b: Told): boolean {
  if (toldAsAnother(b.draft)) return false;
  const fa = family(a.ev);
  const fb = family(b.ev);
  if (!familiesFit(fa, fb)) return false;
  if (!datesFit(a.ev, b.ev)) return false;
  if (!placesAgree(a, b)) return false;
  if ((fa === 'territory' || fb === 'territory') && !samePlaceTaken(a, b)) return false;
  // A territory change by the side that lost it ("The military recaptured the base") is its own occurrence.
  if (fa === 'territory' && fb === 'territory' && a.ev.subType !== b.ev.subType) return false;
  if (!crowdFits(a, b)) return false;
  if (fa !== 'crowd' && fb !== 'crowd' && otherPerpetrator(a, b)) return false;
  return true;
}

/**
 * Groups the told occurrences of a document: each joins the earliest group whose every member it may be
 * (text order), else starts its own. Returns the groups in text order of their first member.
 */
export function groupOccurrences<T extends Told>(items: T[]): T[][] {
  const groups: T[][] = [];
  for (const it of items) {
    const g = groups.find((grp) => grp.every((x) => sameOccurrence(x, it)));
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
