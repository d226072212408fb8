import type { Doc } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { SentenceView, Tok } from '../quantities/view.js';
import type { QuantityProposal } from '../quantities/parse-counts.js';
import { findAttributions, type Attribution } from '../claims/attribution.js';
import { findActors, type ActorMention, type CountryMention } from './actors.js';
import { findTriggers, type Trigger } from './triggers.js';
import { segmentSentence, definiteNominal, type Segment } from './segments.js';
import { unreal, campaignReference, barePlural, idleAircraft, smokeScreen, mishapToll } from './filters.js';
import { framed, tallyOrGenerality, fled, suchKind } from './irrealis.js';
import { cumulativeToll, conflictOrigin, manyActs, ongoingWar, judgedOrMarked } from './background.js';
import type { TimeMention } from '../times/types.js';
import { timexInterval } from '../times/event-date.js';
import type { PlaceMention } from '../places/types.js';
import { incidentalPlace } from '../places/event-place.js';
import { refersBack, type Interval } from './continuation.js';
import { parseRoles } from './parse-roles.js';
import { unnamedCommunities } from './named-sides.js';
import { describedAs } from './descriptions.js';
import { clauseRoles, refOf, type ClauseRoles, type ActorRef } from './roles.js';
import { classify, type Classified } from './classify.js';

/** How a proposal refers back to an occurrence told before, if it does. */
export type Anaphor = 'definite' | 'pronoun' | 'also' | 'outcome' | null;

/** One segment of a sentence telling (or referring to) an occurrence, with its coding and participants. */
export interface Proposal {
  view: SentenceView;
  seg: Segment;
  /** Character span of the segment. */
  span: Span;
  triggers: Trigger[];
  coding: Classified;
  roles: ClauseRoles;
  anaphor: Anaphor;
  /** The head word of a definite reference ("executions", "assault"), to find what it refers to. */
  anaphorHead: string | null;
  hasTime: boolean;
  hasPlace: boolean;
  /** The places and dates the segment itself names (to tell a follow-up from a new occurrence). */
  places: PlaceMention[];
  dates: Interval[];
  /** The dates of the main trigger's own clause ("since ISIS seized the town two years ago"). */
  coreDates: Interval[];
  /** The segment refers back by a definite or pronoun subject ("The attackers", "he said"). */
  referring: boolean;
  attributions: Attribution[];
  /** Says outright that the perpetrator is unknown ("It's unclear who planted the bomb"). */
  unclearWho: boolean;
  score: number;
}

export interface SentenceFacts {
  view: SentenceView;
  actors: ActorMention[];
  /** Actors named as the source of a statement ("security forces said ..."), kept apart. */
  speakers: ActorMention[];
  countries: readonly CountryMention[];
  attributions: Attribution[];
  triggers: Trigger[];
}

const DEFINING = new Set(['attack', 'clash', 'shoot', 'ied', 'suicide', 'air', 'shell', 'grenade', 'bomb', 'regain', 'seize', 'abduct', 'protest', 'riot', 'mob', 'arrest', 'surrender', 'join', 'defuse', 'base', 'withdraw', 'sexual', 'torture']);
const SUPPORT_VERBS = /^(launched|launch|launches|carried|carry|carrying|conducted|conduct|conducting|staged|stage|mounted|mount|waged|wage|began|begin|started|start|led|lead|executed|perpetrated|claimed|fired|fire|fires|firing|lobbed|dropped|threw|hurled|detonated|planted|used|unleashed)$/;

function overlapsAny(spans: readonly Span[], s: Span): boolean {
  return spans.some((x) => x.start < s.end && s.start < x.end);
}

/** Reads actors, attributions and triggers of a sentence once; proposals and context rules share them. */
export function sentenceFacts(doc: Doc, view: SentenceView): SentenceFacts {
  const attributions = findAttributions(doc.text, view);
  const found = findActors(doc.text, view);
  const sources = attributions.map((a) => a.source);
  // "JNIM and/or ISGS militants": one perpetrator of uncertain attribution, not two sides (ACLED writes such
  // an actor "A and/or B"); the last named, which heads the phrase ("ISGS militants"), stands for it.
  const alternative = (m: ActorMention, k: number) => k + 1 < found.actors.length && /^\s*and\s*\/\s*or\s*$/i.test(doc.text.slice(m.end, found.actors[k + 1]!.start));
  const actors = found.actors.filter((m, k) => !overlapsAny(sources, m) && !alternative(m, k));
  const triggers = findTriggers(view.toks).filter((t) => !overlapsAny(sources, { start: view.toks[t.tokStart]!.start, end: view.toks[t.tokEnd - 1]!.end }));
  const speakers = found.actors.filter((m) => overlapsAny(sources, m));
  return { view, actors, speakers, countries: found.countries, attributions, triggers };
}

export interface ProposeContext {
  doc: Doc;
  quantities: QuantityProposal[];
  /** Time and place mentions of this sentence. */
  timeSpans: TimeMention[];
  placeSpans: PlaceMention[];
  protestContext: boolean;
  /** The last armed actor named in the sentence before, for "they" / "he". */
  previousArmed: ActorRef | null;
}

function inParensFn(toks: Tok[]): (i: number) => boolean {
  const flags: boolean[] = new Array(toks.length).fill(false);
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.low === '(') depth++;
    flags[i] = depth > 0;
    if (toks[i]!.low === ')') depth = Math.max(0, depth - 1);
  }
  return (i) => flags[i] ?? false;
}

/** The proposals of one sentence. */
export function propose(facts: SentenceFacts, ctx: ProposeContext): Proposal[] {
  const { view, countries } = facts;
  const toks = view.toks;
  if (facts.triggers.length === 0) return [];
  const actors = facts.actors.filter((m) => !describedAs(toks, m, facts.triggers));
  const tokSpan = (a: number, b: number): Span => ({ start: toks[a]!.start, end: toks[b - 1]!.end });
  const timeAt = (i: number) => overlapsAny(ctx.timeSpans, toks[i]!);
  const placeAt = (i: number) => overlapsAny(ctx.placeSpans, toks[i]!);
  const inParens = inParensFn(toks);
  const segs = segmentSentence(toks, facts.triggers, timeAt, placeAt);
  const out: Proposal[] = [];
  for (const seg of segs) {
    const segTriggers = facts.triggers.filter((t) => t.tokStart >= seg.from && t.tokStart < seg.to && !unreal(toks, t, seg.from) && !campaignReference(toks, t) && !barePlural(toks, t) &&
      !framed(toks, t, seg.from) && !tallyOrGenerality(toks, t, seg.from, seg.to) && !fled(toks, t) && !suchKind(toks, t) &&
      !idleAircraft(toks, t) && !smokeScreen(toks, t) && !cumulativeToll(toks, t, seg.from) && !conflictOrigin(toks, t, seg.from) &&
      !manyActs(toks, t, seg.from, seg.to) && !ongoingWar(toks, t, seg.from, seg.to) && !judgedOrMarked(toks, t) && !mishapToll(toks, t, seg.from, seg.to));
    if (segTriggers.length === 0) continue;
    // A sentence that opens with a reference to an earlier occurrence and then tells a new one
    // ("The Saturday executions come after ..., when militants shot dead 284 men") holds two proposals.
    const first = segTriggers[0]!;
    // "The missile attack came after coalition forces said 95 rebels had been killed": what the reference is
    // said to come after (or to follow) is an act of its own, its dead told in the passive or not.
    const after = cameAfter(toks, first);
    const later = segTriggers.find((t) => t.tokStart > first.tokStart && (t.verbal || !definiteNominal(toks, t)) && DEFINING.has(t.kind) ||
      (t.verbal && (t.kind === 'kill' || t.kind === 'wound') && (!t.passive || (after >= 0 && t.tokStart > after)) && t.tokStart > first.tokStart));
    const parts: { from: number; to: number; triggers: Trigger[]; other?: boolean }[] = [];
    if (definiteNominal(toks, first) && later && !crowdAsSubject(toks, first, segTriggers)) {
      let cut = after >= 0 && later.tokStart > after ? after : later.tokStart;
      for (let k = later.tokStart - 1; cut === later.tokStart && k > first.tokEnd; k--) {
        if (/^(when|after|as|while|,)$/.test(toks[k]!.low)) {
          cut = k;
          break;
        }
      }
      parts.push({ from: seg.from, to: cut, triggers: segTriggers.filter((t) => t.tokStart < cut) });
      // What the reference came after, told with a day of its own ("came after ... were killed in operations
      // on Thursday"), is another act by the words themselves; without one it may be the same fight's start.
      let dated = false;
      for (let k = cut; k < seg.to && !dated; k++) dated = timeAt(k);
      parts.push({ from: cut, to: seg.to, triggers: segTriggers.filter((t) => t.tokStart >= cut), other: cut === after && dated });
    } else parts.push({ from: seg.from, to: seg.to, triggers: segTriggers });

    for (const part of parts) {
      // Once an act is told by a verb, nouns with "the" only name what it is about
      // ("detained dozens suspected of taking part in the riots").
      const verbalDefining = part.triggers.some((t) => t.verbal && DEFINING.has(t.kind));
      // ("The demonstrators attacked the police station": the crowd named as the subject stays, it does the act.)
      if (verbalDefining) part.triggers = part.triggers.filter((t) => !(definiteNominal(toks, t) && (t.kind === 'protest' || t.kind === 'riot' || t.kind === 'clash' || t.kind === 'attack') && !part.triggers.some((x) => x.verbal && x.kind === t.kind)) || crowdAsSubject(toks, t, part.triggers));
      if (part.triggers.length === 0) continue;
      const segActors = actors.filter((m) => m.tokStart >= part.from && m.tokStart < part.to);
      const segCountries = countries.filter((c) => c.tokStart >= part.from && c.tokStart < part.to);
      const qs = ctx.quantities.filter((q) => q.tokStart >= part.from && q.tokStart < part.to);
      const roles = clauseRoles({ toks, from: part.from, to: part.to, actors: segActors, countries: segCountries, triggers: part.triggers, quantities: qs, inParens });
      parseRoles(ctx.doc, toks, part, roles, actors);
      unnamedCommunities(toks, part.to, part.triggers, roles, segCountries, (i) => placeAt(i) || timeAt(i));
      supportVerbAgent(toks, part, roles, segActors);
      const pronoun = pronounSubject(toks, part.from, part.triggers);
      // "security forces said they had killed ...": the pronoun is the speaker.
      if (!roles.agent) {
        const speaker = speakerSubject(toks, part.triggers, facts);
        if (speaker) {
          roles.agent = refOf(speaker);
          roles.agentHow = 'subject';
        }
      }
      if (!roles.agent && pronoun && ctx.previousArmed) {
        roles.agent = ctx.previousArmed;
        roles.agentHow = 'subject';
      }
      relativeAttacker(toks, part, roles, segActors);
      const coding = classify({ toks, from: part.from, to: part.to, triggers: part.triggers, roles, protestContext: ctx.protestContext || part.triggers.some((t) => t.kind === 'protest' && !t.rule.startsWith('gathered')), isPlace: placeAt });
      if (!coding) continue;
      dropBackgroundDead(toks, roles, coding.main.tokStart);
      const definite = part.triggers.find((t) => definiteNominal(toks, t));
      const defining = part.triggers.filter((t) => DEFINING.has(t.kind) && !definiteNominal(toks, t));
      const outcomesOnly = part.triggers.every((t) => t.kind === 'kill' || t.kind === 'wound' || t.kind === 'killwound');
      const also = part.triggers.some((t) => (t.kind === 'kill' || t.kind === 'wound' || t.kind === 'killwound') && toks.slice(Math.max(part.from, t.tokStart - 3), t.tokStart).some((x) => x.low === 'also')) ||
        toks.slice(part.from, Math.min(part.to, part.from + 2)).some((x) => x.low === 'also');
      let anaphor: Anaphor = null;
      if (definite && defining.length === 0) anaphor = 'definite';
      else if (pronoun && defining.every((t) => t.kind === 'arrest' || t.kind === 'abduct' || t.kind === 'torture')) anaphor = 'pronoun';
      else if (also && defining.length === 0) anaphor = 'also';
      else if (outcomesOnly) anaphor = 'outcome';
      const span = tokSpan(part.from, part.to);
      // What is announced for a day still to come ("a new day of strikes for next Tuesday") has not happened.
      // (An act told in the past tense in a short note, "On May 1, workers staged a march" in a note published in
      // January, was not announced: its date is a slip, and the event is dated by the publication instead.)
      if (future(ctx, span) && !(ctx.doc.text.length < SHORT_NOTE_CHARS && toldAsDone(toks, part.from, part.to))) continue;
      const hasTime = overlapsAny(ctx.timeSpans, span);
      const hasPlace = overlapsAny(ctx.placeSpans, span);
      const inSpan = <T extends Span>(xs: T[]) => xs.filter((x) => x.start < span.end && span.start < x.end);
      const actorSpans = [...actors, ...facts.speakers];
      // "the Mosul official said": a place in the words of a source says who speaks, not where it happened.
      const sourceSpans = facts.attributions.map((a) => a.source);
      const places = inSpan(ctx.placeSpans).filter((m) => !incidentalPlace(ctx.doc, m, actorSpans) && !overlapsAny(sourceSpans, m));
      const intervals = (sp: Span) => ctx.timeSpans.filter((x) => x.start < sp.end && sp.start < x.end).map((t) => timexInterval(t.value)).filter((x): x is NonNullable<typeof x> => x !== null).map((x) => ({ start: x.start, end: x.end }));
      const dates = intervals(span);
      const coreDates = intervals(coreSpan({ view, coding, span }));
      const unclearWho = /\b(?:unclear|not clear|unknown|not known)\s+(?:who|which group)\b/i.test(ctx.doc.text.slice(view.start, view.end));
      let score = coding.strength * 3;
      if (part.triggers.some((t) => t.verbal && DEFINING.has(t.kind))) score += 1;
      if (roles.agent) score += 1;
      if (roles.others.length) score += 1;
      if (roles.victims.some((v) => v.count !== null)) score += 1;
      if (hasTime) score += 0.5;
      // "an attack Friday": one occurrence, told with its own date.
      if (hasTime && part.triggers.some((t) => !t.verbal && /^(a|an)$/.test(toks[t.tokStart - 1]?.low ?? ''))) score += 1;
      if (hasPlace) score += 0.5;
      out.push({
        view, seg: part.other ? { ...seg, newMarker: true } : seg, span, triggers: part.triggers, coding, roles, anaphor,
        anaphorHead: definite ? toks[definite.tokStart]!.low : null,
        hasTime, hasPlace, places, dates, coreDates, referring: refersBack(toks, part.from, part.to, [], [], facts.attributions.flatMap((a) => [a.source, a.cue])),
        attributions: facts.attributions, unclearWho, score,
      });
    }
  }
  return out;
}

/** Words for the people of a demonstration (not for the act). */
const CROWD_NOUN = /^(protesters|protestors|demonstrators|rioters|marchers)$/;

/**
 * "The demonstrators stormed the town hall", "the protesters then set fire to ...": a crowd noun right before
 * a verb of violence is who does it (the demonstration turned violent), not a reference to an act told before.
 */
function crowdAsSubject(toks: Tok[], t: Trigger, triggers: Trigger[]): boolean {
  if (!CROWD_NOUN.test(toks[t.tokEnd - 1]!.low)) return false;
  return triggers.some((x) => x.verbal && !x.passive && x.tokStart > t.tokStart && x.tokStart - t.tokEnd <= 2 && ['attack', 'clash', 'shoot', 'kill', 'wound', 'killwound', 'torture', 'loot', 'riot', 'abduct', 'seize'].includes(x.kind) &&
    toks.slice(t.tokEnd, x.tokStart).every((w) => w.pos === 'ADV' || w.pos === 'AUX'));
}

/**
 * "The attack came after ...", "The raid follows ...": the token where what the definite reference came after
 * begins (the "after", or the object of "followed"), else -1.
 */
function cameAfter(toks: Tok[], t: Trigger): number {
  for (let k = t.tokEnd; k < Math.min(toks.length, t.tokEnd + 4); k++) {
    const w = toks[k]!.low;
    if (/^(came|comes|come)$/.test(w) && /^(after|following)$/.test(toks[k + 1]?.low ?? '')) return k + 1;
    if (/^(follows|followed)$/.test(w)) return k;
    if (/^[,;.]$/.test(w)) return -1;
  }
  return -1;
}

const CLAUSE_EDGE = /^(,|;|:|when|after|since|while|as|because|before|although|though|whereas|where|who|which|but)$/;

/**
 * The clause of a proposal's main trigger ("since ISIS seized the town more than two years ago"), for the
 * date and place services: they look inside the span first, then around it, so a narrow span keeps the
 * time or place of another clause from being taken for the event's.
 */
export function coreSpan(p: Pick<Proposal, 'view' | 'coding' | 'span'>): Span {
  const toks = p.view.toks;
  const t = p.coding.main;
  const from = toks.findIndex((x) => x.start >= p.span.start);
  let a = t.tokStart;
  const lo = Math.max(0, from);
  while (a > lo && !CLAUSE_EDGE.test(toks[a - 1]!.low) && !relativeAt(toks, a - 1) && !spacedDash(toks, a - 1)) a--;
  if (a > 0 && /^(when|after|since|while|as|because|before|although|though|whereas|where)$/.test(toks[a - 1]!.low)) a--;
  // "towns like X and Y that were retaken": the relative clause's act happened at its antecedent.
  if (a > lo && relativeAt(toks, a - 1)) a = antecedentStart(toks, a - 1, lo);
  let b = t.tokEnd;
  for (;;) {
    while (b < toks.length && toks[b]!.start < p.span.end && !CLAUSE_EDGE.test(toks[b]!.low)) b++;
    // "clashed near the town of Sake, about 25 km west of Goma, on Wednesday": a day set off by commas
    // after the clause's place is still the clause's time.
    const d = toks[b]?.low === ',' ? dayPhraseAt(toks, b + 1) : 0;
    if (d === 0 || toks[b + d]!.start >= p.span.end) break;
    b += 1 + d;
  }
  return { start: toks[a]!.start, end: toks[b - 1]!.end };
}

const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** Tokens of "on Wednesday", "late on Saturday", "early Sunday" starting at k (0 when there is none). */
function dayPhraseAt(toks: Tok[], k: number): number {
  let n = 0;
  if (/^(late|early)$/.test(toks[k + n]?.low ?? '')) n++;
  if (toks[k + n]?.low === 'on') n++;
  if (!WEEKDAY.test(toks[k + n]?.low ?? '')) return 0;
  n++;
  if (/^(night|morning|afternoon|evening)$/.test(toks[k + n]?.low ?? '')) n++;
  return n;
}

/**
 * A dash with space around it ends a wire dateline ("GOMA, Feb 8 (Wire) - M23 rebels clashed"): the
 * report's place and date are no part of the clause after it. A hyphen inside a word ("Hamas-led") is not.
 */
function spacedDash(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (!/^(-|--|—|–)$/.test(t.text)) return false;
  const before = toks[k - 1];
  const after = toks[k + 1];
  return (!before || before.end < t.start) && (!after || t.end < after.start);
}

/** A relative pronoun with its antecedent before it and no subject of its own after ("towns that were retaken"). */
function relativeAt(toks: Tok[], k: number): boolean {
  const w = toks[k]!;
  if (!/^(that|which|who)$/.test(w.low)) return false;
  const before = toks[k - 1];
  const after = toks[k + 1];
  if (!before || !after || !(before.pos === 'NOUN' || before.pos === 'PROPN')) return false;
  return after.pos === 'AUX' || after.pos === 'VERB' || after.pos === 'ADV';
}

/**
 * The first token of the noun phrase a relative pronoun at `k` refers to, lists and examples included:
 * "towns like Qaraqosh and Hamdaniya", "the villages of A, B and C", "the district centre". Stops at a
 * verb, at a preposition other than like/of, at "or" and at a clause edge.
 */
function antecedentStart(toks: Tok[], k: number, lo: number): number {
  let a = k;
  while (a > lo) {
    const w = toks[a - 1]!;
    const nominal = w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'ADJ' || w.pos === 'DET' || w.pos === 'NUM';
    if (nominal || /^(like|of|and|,|-|such|as|including)$/.test(w.low)) {
      // "such as" / "as" only in "such as"
      if (w.low === 'as' && toks[a - 2]?.low !== 'such') break;
      a--;
      continue;
    }
    break;
  }
  // never start on a joining word
  while (a < k && /^(and|,|of|like|such|as|including|-)$/.test(toks[a]!.low)) a++;
  return a;
}

/** Notes short enough to be one coder's summary of one event (index.ts reads them the same way). */
const SHORT_NOTE_CHARS = 600;

/** A verb of the act in the simple past or a passive participle, with no modal or "to" before it: done, not planned. */
function toldAsDone(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = toks[k]!;
    if (w.pos !== 'VERB' || !/(?:ed|took|fought|shot|struck|threw|held|led|went|began|broke|burnt|beat|stole)$/.test(w.low)) continue;
    if (/^(will|would|shall|to|may|might|could|can|should|must|be|plan|plans|planned|set|expected)$/.test(toks[k - 1]?.low ?? '')) return false;
    return true;
  }
  return false;
}

/** Every date the span gives lies after the publication day. */
function future(ctx: ProposeContext, span: Span): boolean {
  const published = ctx.doc.publishedDay;
  if (!published) return false;
  let any = false;
  for (const t of ctx.timeSpans) {
    if (!(t.start < span.end && span.start < t.end)) continue;
    if (t.value === 'FUTURE_REF') {
      any = true;
      continue;
    }
    const iv = timexInterval(t.value);
    if (!iv) continue;
    if (iv.start <= published) return false;
    any = true;
  }
  return any;
}

/**
 * Deaths told as the cause of the occurrence are not its dead: "rioters burned a police station after a man
 * died in custody". A victim whose outcome word sits in an "after/because/following" clause that comes after
 * the main trigger is dropped.
 */
function dropBackgroundDead(toks: Tok[], roles: ClauseRoles, main: number): void {
  roles.victims = roles.victims.filter((v) => {
    if (v.trigger <= main) return true;
    // ", killing 7 people" is the occurrence's own result, whatever came between.
    if (/ing$/.test(toks[v.trigger]!.low) && toks[v.trigger - 1]?.low === ',') return true;
    for (let k = main + 1; k < v.trigger; k++) if (/^(after|because|since)$/.test(toks[k]!.low)) return false;
    return true;
  });
}

/** "Peshmerga forces launched a major attack": the subject of a support verb is the noun trigger's agent. */
function supportVerbAgent(toks: Tok[], part: { from: number; to: number; triggers: Trigger[] }, roles: ClauseRoles, actors: ActorMention[]): void {
  if (roles.agent) return;
  for (const t of part.triggers) {
    if (t.verbal) continue;
    for (let k = t.tokStart - 1; k >= Math.max(part.from, t.tokStart - 5); k--) {
      if (!SUPPORT_VERBS.test(toks[k]!.low)) continue;
      let j = k - 1;
      while (j >= part.from && (toks[j]!.pos === 'AUX' || toks[j]!.pos === 'ADV')) j--;
      const m = actors.find((a) => a.tokEnd - 1 === j);
      if (m && m.cls !== 'civilians') {
        roles.agent = refOf(m);
        roles.agentHow = 'subject';
        roles.others = roles.others.filter((o) => o.start !== m.start);
        return;
      }
    }
  }
}

/**
 * "Police hunted the gunmen who attacked the city", "troops killed militants who stormed a checkpoint": the
 * object of the response started the fight in the relative clause, so it is the side that acts (ACLED's
 * actor 1 is the initiator) and the responders are the other side. Only for attacks told in a relative
 * clause right after the group ("who attacked", "that raided").
 */
function relativeAttacker(toks: Tok[], part: { from: number; to: number; triggers: Trigger[] }, roles: ClauseRoles, actors: ActorMention[]): void {
  const responder = roles.agent;
  if (!responder || responder.cls === 'civilians' || responder.cls === 'protesters') return;
  for (const t of part.triggers) {
    if (!t.verbal || t.passive || (t.kind !== 'attack' && t.kind !== 'shoot')) continue;
    let k = t.tokStart - 1;
    while (k > part.from && (toks[k]!.pos === 'AUX' || toks[k]!.pos === 'ADV' || /^(had|have|has)$/.test(toks[k]!.low))) k--;
    if (!/^(who|that)$/.test(toks[k]?.low ?? '')) continue;
    const m = actors.find((a) => a.tokEnd === k);
    if (!m || m.cls === 'civilians' || m.cls === 'protesters' || m.start === responder.start) continue;
    // The group must come after the responder (the object of its act), not be the responder itself.
    if (m.start < responder.end && responder.start >= 0) continue;
    roles.agent = refOf(m);
    roles.agentHow = 'subject';
    roles.others = [responder, ...roles.others.filter((o) => o.start !== m.start && o.start !== responder.start)];
    return;
  }
}

/** The armed speaker a pronoun subject stands for: "X said they had killed ...", "X says it destroyed ...". */
function speakerSubject(toks: Tok[], triggers: Trigger[], facts: SentenceFacts): ActorMention | null {
  const t = triggers.find((x) => x.verbal && !x.passive);
  if (!t) return null;
  let k = t.tokStart - 1;
  while (k >= 0 && (toks[k]!.pos === 'AUX' || toks[k]!.pos === 'ADV')) k--;
  if (!toks[k] || !/^(they|he|she|it|we)$/.test(toks[k]!.low)) return null;
  let v = k - 1;
  if (toks[v]?.low === 'that') v--;
  const verb = toks[v];
  if (!verb) return null;
  const att = facts.attributions.find((a) => a.cue.start <= verb.start && verb.end <= a.cue.end);
  if (!att) return null;
  return facts.speakers.find((m) => m.start >= att.source.start && m.end <= att.source.end && m.cls !== 'civilians') ?? null;
}

/** The clause's first verb has a personal pronoun for subject ("They were killed", "He said they detained"). */
function pronounSubject(toks: Tok[], from: number, triggers: Trigger[]): boolean {
  const t = triggers.find((x) => x.verbal);
  if (!t) return false;
  for (let k = t.tokStart - 1; k >= Math.max(from, t.tokStart - 3); k--) {
    const w = toks[k]!;
    if (/^(they|he|she|it)$/.test(w.low) && w.pos === 'PRON') {
      // "The ministry says it has killed ...": the pronoun is the speaker, not an earlier actor.
      const before = toks[k - 1]?.low === 'that' ? toks[k - 2] : toks[k - 1];
      return !(before && before.pos === 'VERB' && /^(say|says|said|claim|claims|claimed|state|states|stated|report|reports|reported|announce|announced|announces)$/.test(before.low));
    }
    if (w.pos !== 'AUX' && w.pos !== 'ADV' && w.low !== 'and' && !(w.pos === 'VERB' && triggers.some((x) => x.tokStart === k))) return false;
  }
  return false;
}
