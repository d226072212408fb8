import type { Tok } from '../quantities/view.js';
import type { PlaceMention } from '../places/types.js';
import type { ActorRef } from './roles.js';
import type { Span } from '../../core/span.js';
import { km } from '../../core/geo.js';

/**
 * Within-document coreference of follow-up sentences. A news story tells its main occurrence in its lead
 * and goes on with details in the next sentences ("The convoy was heading to Douentza when fighters opened
 * fire", "The spokesman said dozens of militants had been killed", "Two soldiers were lightly wounded, it
 * said"). A follow-up joins the occurrence just told when it refers back (a definite or pronoun subject, a
 * definite event noun, the same named actor), and when nothing in it contradicts that occurrence: no date
 * that cannot overlap, and no place that is neither the same, around it, inside it nor near it.
 */

export interface Interval {
  start: string;
  end: string;
}

/** Nouns that, with "the", refer back to people, things and acts of the occurrence already told. */
const REFERRING_HEADS = new Set([
  'attackers', 'attacker', 'assailants', 'assailant', 'gunmen', 'gunman', 'militants', 'militant', 'fighters', 'insurgents', 'rebels',
  'jihadists', 'group', 'alliance', 'convoy', 'unit', 'patrol', 'soldiers', 'troops', 'army', 'military', 'police', 'forces', 'crowd',
  'protesters', 'demonstrators', 'victims', 'dead', 'bodies', 'wounded', 'injured', 'toll', 'attack', 'raid', 'ambush', 'assault',
  'strike', 'strikes', 'blast', 'explosion', 'bomb', 'bombing', 'bomber', 'shelling', 'fighting', 'clashes', 'clash', 'siege',
  'violence', 'incident', 'killings', 'shooting', 'plane', 'jet', 'aircraft', 'drone', 'drones', 'missile', 'missiles', 'rocket',
  'rockets', 'shells', 'building', 'hotel', 'market', 'camp', 'school', 'mosque', 'church', 'house', 'town', 'city', 'village',
  'area', 'spokesman', 'spokeswoman', 'spokesperson', 'ministry', 'official', 'officials', 'officer', 'governor', 'source',
  'sources', 'statement', 'commander', 'medic', 'doctors', 'hospital', 'residents', 'survivors', 'witnesses', 'men', 'kidnappers',
  'abductors', 'bandits', 'perpetrators', 'culprits', 'suspects', 'operation', 'offensive', 'mayor', 'administrator', 'agency',
]);
const DEFINITE = /^(the|these|those|this|that|its|their|his|her)$/;
const PRONOUN = /^(he|she|they|it|we)$/;

/**
 * The clause [from, to) refers back: a definite noun phrase from REFERRING_HEADS ("The attackers", "the
 * crowd"), a personal pronoun before its first verb, "one of the sources", or an actor already named in the
 * occurrence ("The RSF denied ...").
 * `sources` are the spans of the clause's attribution sources and cues (`attributionNoise`): "..., the agency
 * said" refers back to a speaker, not to the occurrence, so a new occurrence told with it stays new.
 */
export function refersBack(
  toks: Tok[], from: number, to: number, named: readonly ActorRef[], known: readonly ActorRef[], sources: readonly Span[] = [],
): boolean {
  let sawVerb = false;
  const inSource = (t: Tok) => sources.some((s) => s.start <= t.start && t.end <= s.end);
  for (let i = from; i < to; i++) {
    const w = toks[i]!;
    if (inSource(w)) {
      if (w.pos === 'VERB') sawVerb = true;
      continue;
    }
    if (!sawVerb && PRONOUN.test(w.low) && w.pos === 'PRON') return true;
    if (DEFINITE.test(w.low)) {
      // the head: the first noun within three words ("the armed men", "the Islamic State fighters")
      for (let j = i + 1; j < Math.min(to, i + 4); j++) {
        const h = toks[j]!;
        if (REFERRING_HEADS.has(h.low)) {
          // "the village of X", "the town of X" name a place of their own
          if (toks[j + 1]?.low === 'of' && toks[j + 2] && /^\p{Lu}/u.test(toks[j + 2]!.text)) break;
          return true;
        }
        if (h.pos !== 'ADJ' && h.pos !== 'NOUN' && h.pos !== 'PROPN' && h.low !== '-') break;
      }
    }
    if (w.pos === 'VERB') sawVerb = true;
  }
  return namesKnownActor(named, known);
}

/** One of `named` is an actor named by name (not a generic noun) among `known`. */
export function namesKnownActor(named: readonly ActorRef[], known: readonly ActorRef[]): boolean {
  return named.some((n) => !n.generic && known.some((k) => !k.generic && k.name === n.name));
}

function overlap(a: Interval, b: Interval): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** No date of the follow-up falls outside every date the occurrence was told with. */
export function datesFit(own: readonly Interval[], told: readonly Interval[]): boolean {
  if (own.length === 0 || told.length === 0) return true;
  // A period much longer than the occurrence ("in the past month" after "today") is a tally, not a detail.
  return own.every((d) => told.some((t) => overlap(d, t) && days(d) <= days(t) + 2));
}

function days(i: Interval): number {
  return (Date.parse(i.end) - Date.parse(i.start)) / 86_400_000 + 1;
}

function kmApart(a: PlaceMention, b: PlaceMention): number {
  return km(a.lat, a.lon, b.lat, b.lon);
}

/** One place is the other, contains it, or lies near it. */
function samePlace(a: PlaceMention, b: PlaceMention): boolean {
  if (a.name === b.name) return true;
  const contains = (big: PlaceMention, small: PlaceMention) =>
    (big.kind === 'country' && big.country === small.country) ||
    (big.kind === 'admin1' && big.country === small.country && big.admin1 !== null && big.admin1 === small.admin1);
  if (contains(a, b) || contains(b, a)) return true;
  return a.kind !== 'country' && b.kind !== 'country' && a.kind !== 'admin1' && b.kind !== 'admin1' && kmApart(a, b) <= 30;
}

/** Every place the follow-up names is a place of the occurrence, around it, inside it or near it. */
export function placesFit(own: readonly PlaceMention[], told: readonly PlaceMention[]): boolean {
  if (own.length === 0 || told.length === 0) return true;
  return own.every((p) => told.some((t) => samePlace(p, t)));
}
