import type { Component } from '../../core/pipeline.js';
import { within as spansWithin } from '../../core/span-index.js';
import type { Doc } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import type { EventMention, EventLocation, EventDate } from './types.js';
import { sentenceViews, type SentenceView, type Tok } from '../quantities/view.js';
import type { QuantityProposal } from '../quantities/parse-counts.js';
import { countedNoun } from '../quantities/counted-noun.js';
import { eventDate } from '../times/event-date.js';
import { eventPlace, locationRank } from '../places/event-place.js';
import { sentenceFacts, propose, coreSpan, type Proposal, type SentenceFacts } from './propose.js';
import { assemble, foiledByFight, type Draft, type WhereTold } from './assemble.js';
import type { PlaceKind, PlaceMention } from '../places/types.js';
import { codeActors, toActor, type ActorContext } from './code-actors.js';
import { fatalitiesOf } from './fatalities.js';
import { draftClaims, type DraftClaims, type NamedSource } from './claims.js';
import { CERTAINTY_RANK } from '../claims/certainty.js';
import { leadingLabel, codedFatalities, hasSizeTag, noteSpans } from './acled-notes.js';
import { refOf, type ActorRef } from './roles.js';
import { actorLexicon, foldForMatch } from './lexicon.js';
import { classOf } from './actors.js';
import { actingSide, bodyFirst, groupOccurrences, joinDrafts, type Told } from './occurrences.js';
import { conflictOrigin, outsideWindow } from './background.js';

/**
 * ACLED-coded events. The component reads as its steps:
 * 1. sentenceFacts + propose (propose.ts): per sentence, actors (actors.ts, data/actors), attributions
 *    (claims/attribution.ts) and triggers (triggers.ts); segments (segments.ts); triggers that tell nothing
 *    dropped (filters.ts); who did what to whom (roles.ts); the ACLED type (classify.ts);
 * 2. assemble (assemble.ts): proposals that refer back merge into the occurrence they tell; weak proposals
 *    that refer to nothing are dropped; the same occurrence told twice is merged;
 * 3. per event: actors coded (code-actors.ts), date via eventDate, place via eventPlace, fatalities
 *    (fatalities.ts, with ACLED coding notes from acled-notes.ts), sources and certainty (claims.ts);
 * 4. order: the main event first (text order; meetings and long-past events last).
 */

/** Proposals scoring below this are dropped unless they refer to an occurrence already told. */
const MIN_SCORE = 2.5;
const VIOLENT_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);
/** Shorter than this, a text is a note about one occurrence (ACLED-style descriptions are). */
const SHORT_NOTE = 600;
/** Words that tell the side attacked or its rescuers fought back: what makes an attack a battle (ACLED). */
const FOUGHT_BACK = /\b(?:intervened|intervention|retaliated|repelled|repulsed|exchanged (?:\w+ )?fire|exchanges? of (?:\w+ )?fire|returned fire|fought back|fended off|gun ?battle|fire ?fight|shoot-?out|engaged the)\b/i;

/** The spans of a sorted layer that fall in a sentence (binary search: layers can be long). */
function within<T extends Span>(spans: T[], s: Span): T[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < spans.length && spans[k]!.start < s.end; k++) out.push(spans[k]!);
  return out;
}

/** The quantities layer with token positions, grouped by sentence index. */
function quantityProposals(doc: Doc, views: SentenceView[]): Map<number, QuantityProposal[]> {
  const out = new Map<number, QuantityProposal[]>();
  const tokens = doc.get('tokens');
  let v = 0;
  for (const q of doc.get('quantities')) {
    while (v < views.length && views[v]!.end <= q.start) v++;
    const view = views[v];
    if (!view || q.start < view.start) continue;
    // binary search for the first token ending after q.start
    let lo = view.sentence.tokenStart;
    let hi = view.sentence.tokenEnd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.end > q.start) hi = mid;
      else lo = mid + 1;
    }
    const a = lo - view.sentence.tokenStart;
    if (a < 0 || a >= view.toks.length) continue;
    let b = a;
    while (b < view.toks.length && view.toks[b]!.start < q.end) b++;
    const np = countedNoun(view.toks, b, true);
    const list = out.get(view.sentence.index) ?? [];
    list.push({ ...q, tokStart: a, tokEnd: b, nounEnd: np ? np.end : b });
    out.set(view.sentence.index, list);
  }
  return out;
}

/**
 * How strongly the document points at each country: its places (1 each), the countries its actors belong to
 * and the country adjectives it uses (half each). A place written as an actor's adjective ("US military
 * forces") counts only as the adjective.
 */
function countryVotes(doc: Doc, facts: SentenceFacts[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (c: string, w: number) => counts.set(c, (counts.get(c) ?? 0) + w);
  const named = new Uint8Array(doc.text.length + 1);
  for (const f of facts) for (const n of [...f.actors, ...f.speakers, ...f.countries]) named.fill(1, n.start, n.end);
  // (An unresolved place's country is borrowed from the area it is coded at: it is no vote of its own.)
  for (const p of doc.get('places')) if (!p.unresolved && !named.subarray(p.start, p.end).includes(1)) add(p.country, 1);
  for (const f of facts) {
    for (const c of f.countries) add(c.country.code, 0.5);
    for (const a of f.actors) if (a.country) add(a.country.code, 0.5);
  }
  return counts;
}

/**
 * The country an event happens in: its location's, unless the rest of the document points elsewhere much
 * more strongly (a small place resolved to a namesake abroad, or a location that is only a country named as
 * an adjective, must not turn the home army into foreign forces).
 */
function eventCountry(location: EventLocation | null, votes: Map<string, number>, top: string | null, countryName: (c: string) => string | null): string | null {
  const located = location?.country ?? null;
  if (!located) return top;
  if (!top || top === located) return located;
  const countryLevel = location!.precision === 3 && location!.name === countryName(located);
  if (countryLevel && (votes.get(top) ?? 0) >= 1) return top;
  return (votes.get(located) ?? 0) * 2 >= (votes.get(top) ?? 0) ? located : top;
}

function dominant(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** The named non-state armed group mentioned most in the document. */
/**
 * A group named only as what others are tied to: "groups linked to al Qaeda and Islamic State", "militias
 * loyal to the RSF". The story is about the others, so such a mention does not make the group the story's
 * own (mainGroup).
 */
export function affiliationOnly(toks: readonly Tok[], k: number): boolean {
  let i = k - 1;
  // "linked to al Qaeda and Islamic State": the second of a pair after the same tie
  while (i > 0 && toks[i]!.low !== 'to' && toks[i]!.low !== 'with' && i > k - 6 && /^(and|or|,|the|al|its|pro)$|^\p{Lu}/u.test(toks[i]!.text)) i--;
  const tie = toks[i]?.low;
  const verb = toks[i - 1]?.low ?? '';
  return (tie === 'to' && /^(linked|loyal|allied|tied|affiliated|close|aligned|connected)$/.test(verb)) ||
    (tie === 'with' && /^(affiliated|allied|aligned|associated|linked)$/.test(verb));
}

/** "fighters led by X", "a coalition headed by the X group": X heads the fighters named before it. */
function leading(toks: readonly Tok[], k: number): boolean {
  let i = k - 1;
  // "led by the Hayat X (HTS) group": an abbreviation in parentheses after the name as written.
  if (toks[i]?.low === '(') {
    i--;
    const floor = i - 8;
    while (i > floor && i > 0 && toks[i]!.low !== 'by' && /^[\p{Lu}’'-]|^al$|^(group|front)$/u.test(toks[i]!.text)) i--;
  }
  while (i > 0 && i >= k - 2 && /^(the|a|an)$/.test(toks[i]!.low)) i--;
  if (toks[i]?.low !== 'by' && /^(the|a|an)$/.test(toks[i]?.low ?? '')) i--;
  return toks[i]?.low === 'by' && /^(led|headed|spearheaded|commanded)$/.test(toks[i - 1]?.low ?? '');
}

function mainGroup(all: SentenceFacts[], skip: ReadonlySet<number> = new Set()): ActorRef | null {
  const counts = new Map<string, { ref: ActorRef; n: number }>();
  for (const f of all) {
    if (skip.has(f.view.sentence.index)) continue;
    for (const m of f.actors) {
      if (m.generic || !['rebel', 'militia', 'identity'].includes(m.cls)) continue;
      if (affiliationOnly(f.view.toks, m.tokStart)) continue;
      const e = counts.get(m.entry.actor) ?? { ref: refOf(m), n: 0 };
      // "opposition fighters led by group X": the group that heads the fighters the story tells of counts double.
      e.n += leading(f.view.toks, m.tokStart) ? 2 : 1;
      counts.set(m.entry.actor, e);
    }
  }
  let best: { ref: ActorRef; n: number } | null = null;
  for (const e of counts.values()) if (!best || e.n > best.n) best = e;
  return best?.ref ?? null;
}

/**
 * "The attack was not immediately claimed", "no group has claimed the bombing", "there was no claim of
 * responsibility": the story says the perpetrator is not known. A group it names elsewhere (one that used
 * such attacks before, or is active in the region) is then not who did it; ACLED codes an unidentified group.
 */
const UNCLAIMED = /\b(?:(?:was|were|has|have|had|is|are)\s+not\s+(?:yet\s+|immediately\s+|been\s+)*claimed|no\s+(?:group|one|organi[sz]ation|faction|militant\s+group|armed\s+group)\s+(?:has\s+|had\s+|have\s+|yet\s+|immediately\s+|so\s+far\s+)*claimed|nobody\s+(?:has\s+|had\s+|yet\s+|immediately\s+)*claimed|no\s+(?:immediate\s+)?claim\s+of\s+responsibility)\b/i;

export function saysUnclaimed(text: string): boolean {
  return UNCLAIMED.test(text);
}

/** "Al-Shabaab claimed responsibility for the attack", "ISWAP has claimed the bombing". */
const CLAIMED = /^\s+(?:(?:has|have|had|later|quickly|swiftly|also|subsequently|reportedly)\s+)*claimed\s+(?:responsibility|the\s+(?:attacks?|bombings?|blasts?|assault|ambush|raid|killings?|kidnappings?|abductions?|explosions?|strikes?|shooting))\b/i;

interface Claimant {
  sentence: number;
  ref: ActorRef;
}

/** The named armed groups that claim an act, with their sentence (a claim names the perpetrator). */
function claimsOfResponsibility(text: string, facts: SentenceFacts[]): Claimant[] {
  const out: Claimant[] = [];
  for (const f of facts) {
    for (const m of [...f.actors, ...f.speakers]) {
      if (m.generic || !['rebel', 'militia', 'identity'].includes(m.cls)) continue;
      if (CLAIMED.test(text.slice(m.end, m.end + 80))) out.push({ sentence: f.view.sentence.index, ref: refOf(m) });
    }
  }
  return out;
}

/**
 * The group that claimed the draft's act: a claim in one of its sentences or in the sentence right after
 * its last one, when no other occurrence starts in between. ACLED codes a claimed attack to its claimant.
 */
const draftsBySentence = new WeakMap<Draft[], Map<number, Set<Draft>>>();

function claimantOf(d: Draft, drafts: Draft[], claimants: Claimant[]): ActorRef | null {
  if (claimants.length === 0) return null;
  const own = new Set(d.parts.map((p) => p.view.sentence.index));
  const last = Math.max(...own);
  // Which drafts tell each sentence, built once for all drafts (per draft it was quadratic in long documents).
  let tellers = draftsBySentence.get(drafts);
  if (!tellers) {
    tellers = new Map();
    for (const x of drafts) for (const p of x.parts) tellers.set(p.view.sentence.index, (tellers.get(p.view.sentence.index) ?? new Set()).add(x));
    draftsBySentence.set(drafts, tellers);
  }
  const takenByOther = (i: number) => [...(tellers.get(i) ?? [])].some((x) => x !== d);
  const found = claimants.filter((c) => own.has(c.sentence) || (c.sentence === last + 1 && !takenByOther(c.sentence)));
  const names = new Set(found.map((c) => c.ref.name));
  return names.size === 1 ? found[0]!.ref : null;
}

/** The first armed actor of a sentence: the likely subject a following "they" continues. */
function firstArmed(f: SentenceFacts): ActorRef | null {
  for (const m of f.actors) if (m.cls !== 'civilians' && m.cls !== 'protesters') return refOf(m);
  return null;
}

function spanOf(p: Proposal): Span {
  return p.span;
}

/**
 * The date of an occurrence: the most precise date an evidence gives in its own clause ("They were killed on
 * Thursday and Friday" beats "this week"), the main evidence first among equals; else the first date an
 * evidence's sentence gives ("accounts of the executions, which took place Saturday"); else the main
 * evidence's paragraph or the publication day.
 */
function bestDate(doc: Doc, d: Draft): EventDate | null {
  const main = d.parts[0]!;
  let best: EventDate | null = null;
  let sentence: EventDate | null = null;
  for (const p of [main, ...d.parts.filter((x) => x !== main && x.hasTime)]) {
    const date = eventDate(doc, coreSpan(p));
    if (date && date.from === 'span' && (!best || date.precision < best.precision)) best = date;
    if (date && date.from === 'sentence' && !sentence && p === main) sentence = date;
    // "the executions, which took place Saturday": the act's own date, as good as one in its clause.
    if (date && date.from === 'sentence' && p !== main && datedByRelative(doc, p) && (!best || date.precision < best.precision)) best = { ...date, from: 'span' };
  }
  return best ?? sentence ?? eventDate(doc, coreSpan(main));
}

/**
 * The act's own noun is dated by a relative clause after it ("accounts of the executions, which were said to
 * have taken place Saturday"), not another noun's ("the junta, which seized power last year").
 */
function datedByRelative(doc: Doc, p: Proposal): boolean {
  const t = p.coding.main;
  const after = p.view.toks[t.tokEnd - 1]!.end;
  const times = spansWithin(doc.get('times'), after, p.view.end);
  return times.some((x) => /^\s*,?\s*(?:which|that)\s+(?:\w+\s+){0,6}?(?:place|happened|occurred|took|began|started|came|were|was)\b[^.;,]*$/i.test(doc.text.slice(after, x.start)));
}

/** The most specific location the evidence gives: a town beats a district, a district a province. */
function bestLocation(doc: Doc, d: Draft, avoid: readonly Span[]): EventLocation | null {
  const placed = d.parts.filter((p) => p.hasPlace);
  let best: EventLocation | null = null;
  for (const p of placed.length ? placed : [d.parts[0]!]) {
    // A later segment of a sentence that names its own place ("..., while in Y three were killed") happened
    // there, not at the place of the sentence's first clause.
    const own = p.seg.from > 0 && p.places.length > 0 ? eventPlace(doc, p.span, avoid) : null;
    const loc = own ?? eventPlace(doc, coreSpan(p), avoid) ?? eventPlace(doc, p.span, avoid);
    if (loc && (!best || locationRank(loc) < locationRank(best))) best = loc;
  }
  return best;
}

/**
 * Where a draft was told when it names no place of its own (assemble.ts compares a follow-up's places with
 * it): the location its first part resolves to, as a place mention of the matching kind. Computed once per draft.
 */
function toldAtOf(doc: Doc, avoid: readonly Span[], countryName: (code: string) => string | null): WhereTold {
  const memo = new WeakMap<Draft, PlaceMention | null>();
  return (d) => {
    if (memo.has(d)) return memo.get(d)!;
    const p = d.parts[0]!;
    const loc = eventPlace(doc, coreSpan(p), avoid) ?? eventPlace(doc, p.span, avoid);
    const kind: PlaceKind = !loc ? 'city' : loc.precision < 3 ? 'city' : loc.name === countryName(loc.country) ? 'country' : 'admin1';
    const at: PlaceMention | null = loc ? { ...loc, kind, geonameId: null, start: -1, end: -1, text: loc.name } : null;
    memo.set(d, at);
    return at;
  };
}

export function extractEvents(doc: Doc): EventMention[] {
  const views = sentenceViews(doc);
  if (views.length === 0) return [];
  const quantities = quantityProposals(doc, views);
  const timeSpans = doc.get('times').filter((t) => t.type === 'DATE' || t.type === 'TIME');
  const placeSpans = doc.get('places');
  const notes = noteSpans(doc.text);
  const protestDoc = hasSizeTag(doc.text);
  const label = leadingLabel(doc.text);

  const facts: SentenceFacts[] = [];
  const proposals: Proposal[] = [];
  let previous: SentenceFacts | null = null;
  /** The paragraph of the sentence before when it told a demonstration or a riot, else -1. */
  let protestBefore = -1;
  // The paragraph that recalls how the war began: what it goes on to tell without a date of its own is the
  // same history ("Tensions escalated following a barrage of rockets. Israel then retaliated with artillery.").
  let historyParagraph = -1;
  for (const view of views) {
    // Coding notes ("Fatalities coded as 0 (VoJ reported 3)") describe the coding, not an occurrence.
    if (notes.some((n) => n.start <= view.start && view.end <= n.end + 1)) continue;
    const f = sentenceFacts(doc, view);
    // A note whose leading label codes it ("Movement of forces: ...", "Non-violent activity: ...") is an event
    // even when no word of it is a trigger: its first verb stands for the act the label names.
    if (label && facts.length === 0 && f.triggers.length === 0) {
      const verb = view.toks.findIndex((t) => t.start >= label.end && t.pos === 'VERB');
      if (verb >= 0) f.triggers.push({ kind: 'meet', tokStart: verb, tokEnd: verb + 1, verbal: true, passive: false, rule: 'label' });
    }
    facts.push(f);
    const ps = propose(f, {
      doc,
      quantities: quantities.get(view.sentence.index) ?? [],
      timeSpans: within(timeSpans, view),
      placeSpans: within(placeSpans, view),
      // A demonstration told in the sentence before is the context of this one: "Police dispersed the students"
      // right after "Students staged a protest" is the police's answer to it (ACLED: protest with intervention).
      protestContext: protestDoc || (protestBefore === view.sentence.paragraph),
      previousArmed: previous ? firstArmed(previous) : null,
    });
    // (A mob's violence is no demonstration: what follows it stays mob violence.)
    protestBefore = ps.some((p) => p.coding.type === 'Protests' || p.coding.subType === 'Violent demonstration') ? view.sentence.paragraph : -1;
    if (view.sentence.paragraph !== historyParagraph) historyParagraph = -1;
    proposals.push(...(historyParagraph >= 0 ? ps.filter((p) => p.hasTime) : ps));
    if (f.triggers.some((t) => conflictOrigin(view.toks, t, 0))) historyParagraph = view.sentence.paragraph;
    previous = f;
  }
  if (label && proposals.length) proposals[0]!.coding = { ...proposals[0]!.coding, ...label.coding };
  // Places inside actors' names ("Sinaloa Cartel", "Iraq's security forces") are not where events happen.
  const actorSpans: Span[] = facts.flatMap((f) => [...f.actors, ...f.speakers].map((m) => ({ start: m.start, end: m.end })));
  // "the Mosul official said": a place in the words of a source says who speaks, not where it happened.
  const placeAvoid: Span[] = [...actorSpans, ...facts.flatMap((f) => f.attributions.map((a) => a.source))];
  const lex = actorLexicon();
  const toldAt = toldAtOf(doc, actorSpans, (code) => lex.countries.get(code)?.name ?? null);
  let drafts = assemble(proposals, MIN_SCORE, doc.publishedDay, toldAt);
  // A short report (an event note) always codes its best proposal, even a weak one, with what the sentences
  // after it add ("GATIA elements were attacked near the market. 8 dead."): the bar is lowered to its score.
  if (drafts.length === 0 && proposals.length && doc.text.length < 2000) {
    const best = proposals.reduce((a, b) => (b.score > a.score ? b : a));
    drafts = assemble(proposals, best.score, doc.publishedDay, toldAt).slice(0, 1);
    if (drafts.length === 0) drafts = [{ parts: [best], newMarker: false }];
  }
  if (drafts.length === 0) return [];
  if (label) {
    const first = drafts.reduce((a, b) => (spanOf(b.parts[0]!).start < spanOf(a.parts[0]!).start ? b : a));
    first.parts[0]!.coding = { ...first.parts[0]!.coding, ...label.coding };
  }

  const votes = countryVotes(doc, facts);
  const docCountry = dominant(votes);
  const claimants = claimsOfResponsibility(doc.text, facts);
  // A story that says no one claimed the act leaves its perpetrator unnamed unless its own sentences name one.
  const unclaimedDoc = claimants.length === 0 && saysUnclaimed(doc.text);
  const group = unclaimedDoc ? null : mainGroup(facts);
  const unclaimed = new Set(unclaimedDoc ? views.filter((v) => saysUnclaimed(doc.text.slice(v.start, v.end))).map((v) => v.sentence.index) : []);
  // The countries whose state forces the story names outright ("Israeli forces", "Russia's army").
  const forceCountries = new Set(facts.flatMap((f) => f.actors.filter((m) => m.cls === 'state' && m.country).map((m) => m.country!.code)));
  const named: NamedSource[] = facts.flatMap((f) => f.attributions.map((a) => ({ sentence: f.view.sentence.index, source: a.source })));
  const claims = draftClaims(doc, drafts, views, named);
  const published = doc.publishedDay;
  const note = codedFatalities(doc.text);
  const mainDraft = drafts.reduce((a, b) => (spanOf(b.parts[0]!).start < spanOf(a.parts[0]!).start ? b : a));

  const viewAt = new Map(views.map((v) => [v.sentence.index, v]));
  const members = new Map<Draft, Draft[]>();
  // The sentences of each earlier incident the story recalls: a group named as the perpetrator of an older
  // attack ("Last March, a suicide bomber of group X struck ...") is not, for that alone, who did this one.
  const dateCache = new Map<Draft, ReturnType<typeof bestDate>>();
  const dateOf = (x: Draft) => {
    if (!dateCache.has(x)) dateCache.set(x, bestDate(doc, x));
    return dateCache.get(x)!;
  };
  const groupFor = (d: Draft): ActorRef | null => {
    if (!group) return null;
    const mine = dateOf(d);
    if (!mine) return group;
    const skip = new Set<number>();
    for (const x of drafts) {
      const other = dateOf(x);
      if (x === d || !other || other.end >= mine.start) continue;
      for (const p of x.parts) if (!d.parts.some((q) => q.view.sentence.index === p.view.sentence.index)) skip.add(p.view.sentence.index);
    }
    return skip.size ? mainGroup(facts, skip) : group;
  };
  const build = (d: Draft): Built => {
    const main = d.parts[0]!;
    // A date after publication on an act told as done (propose.ts keeps it in a short note) is a slip: the
    // report's own day and the day before stand for it, as for an undated note.
    const told = dateOf(d);
    const date: EventDate | null = told && published && told.start > published ? { start: shiftDays(published, -1), end: published, precision: 2, from: 'publication' } : told;
    const location = bestLocation(doc, d, placeAvoid);
    const country = eventCountry(location, votes, docCountry, (code) => lex.countries.get(code)?.name ?? null);
    const ctx: ActorContext = {
      input: doc.text,
      mainGroup: groupFor(d),
      country,
      countryName: (code) => lex.countries.get(code)?.name ?? null,
      forces: country && forceCountries.size === 1 && !forceCountries.has(country) ? [...forceCountries][0]! : null,
      claimant: claimantOf(d, drafts, claimants),
      unclaimed,
    };
    const coding = { type: main.coding.type, subType: main.coding.subType };
    // ACLED's precedence (Battles > ... > E/RV > VAC): an attack the same occurrence tells as fought ("Police
    // intervened, shooting dead two of the assailants", "the army exchanged fire with the group", "following a
    // clash between herders and farmers") is coded as the battle.
    if ((coding.type === 'Violence against civilians' && coding.subType === 'Attack') || coding.type === 'Explosions/Remote violence') {
      const fought = (p: Proposal) => FOUGHT_BACK.test(doc.text.slice(p.span.start, p.span.end));
      if (d.parts.some((p) => p !== main && p.coding.type === 'Battles' && p.coding.subType === 'Armed clash' && fought(p))) {
        coding.type = 'Battles';
        coding.subType = 'Armed clash';
      }
    }
    const [a1, a2Coded] = codeActors(d, coding, ctx);
    const actor1 = toActor(a1, ctx);
    let a2 = a2Coded;
    // A state's forces taking ground abroad are foreign forces: ACLED codes that as a non-state actor (or a
    // foreign state) overtaking territory, not as a government regaining it.
    if (coding.subType === 'Government regains territory' && actor1?.inter === 8) {
      coding.subType = 'Non-state actor overtakes territory';
      // The ground was the host state's.
      a2 ??= { name: 'Military Forces of {country}', inter: 1, cls: 'state', country: null, generic: true, start: -1, end: -1, implicit: true };
    }
    const claimedBy = (p: Proposal): ActorRef | null => {
      const a = p.attributions.find((x) => x.scope.start <= p.span.start && p.span.end <= x.scope.end);
      return a ? sourceActor(doc, a.source) : null;
    };
    const next = [1, 2].map((k) => viewAt.get(main.view.sentence.index + k)).filter((v): v is SentenceView => !!v && v.sentence.paragraph === main.view.sentence.paragraph);
    const ownNote = d.parts.includes(mainDraft.parts[0]!) ? note : null;
    const fatalities = fatalitiesOf(d, claimedBy, ownNote, next.map((v) => doc.text.slice(v.start, v.end)).join(' '));
    const cl = claims.get(d) ?? joinClaims(members.get(d)!.map((x) => claims.get(x)!));
    const ev: EventMention = {
      start: main.span.start,
      end: main.span.end,
      text: doc.text.slice(main.span.start, main.span.end),
      type: coding.type,
      subType: coding.subType,
      date,
      location,
      actor1,
      actor2: toActor(a2, ctx),
      fatalities,
      sources: cl.sources,
      certainty: cl.certainty,
    };
    if (cl.hedges.length) ev.hedges = cl.hedges;
    if (d.parts.length > 1) ev.evidence = d.parts.map((p) => ({ start: p.span.start, end: p.span.end }));
    let tier = 0;
    if (coding.type === 'Strategic developments' && coding.subType === 'Other' && main.coding.main.kind === 'meet') tier = 2;
    if (date && published && date.end < shiftDays(published, -60)) tier = Math.max(tier, 1);
    return { draft: d, ev, tier, pos: main.span.start };
  };
  // Occurrences told apart in the article (headline, lead, quote, toll paragraph) are one event; background
  // and long-past acts are no events of this report (occurrences.ts, background.ts).
  let built = drafts.map((d) => build(bodyFirst(d)));
  // A short note that tells only a past act is about that act (an archive note), not background to news.
  const archive = doc.text.length < SHORT_NOTE && built.every((b) => outsideWindow(b.ev, published));
  if (!archive) built = built.filter((b) => !outsideWindow(b.ev, published));
  if (process.env.DBG_OCC) for (const b of built) console.error('BUILT', actingSide(b), b.ev.type, b.ev.subType, b.ev.actor1?.name, b.ev.location?.name, JSON.stringify(b.ev.date), b.ev.text.slice(0, 80).replace(/\n/g, ' '), '| places', b.draft.parts.flatMap((p) => p.places.map((x) => x.text)).join(','));
  const events: Built[] = groupOccurrences(built).map((g) => {
    if (g.length === 1) return g[0]!;
    const joined = foiledByFight(joinDrafts(g));
    members.set(joined, g.map((x) => x.draft));
    return build(joined);
  });
  // A short report that tells violence and a strategic development (the rescue, the arms seized, the arrests
  // of the same operation) is about the violence: ACLED keeps the higher type (Battles ... > SD) as the event.
  if (doc.text.length < SHORT_NOTE && events.some((e) => VIOLENT_TYPES.has(e.ev.type) && e.tier === 0)) {
    for (const e of events) if (e.ev.type === 'Strategic developments' && e.tier === 0) e.tier = 0.5;
  }
  events.sort((a, b) => a.tier - b.tier || a.pos - b.pos);
  return events.map((e) => e.ev);
}

interface Built extends Told {
  tier: number;
  pos: number;
}

/** The claims of an occurrence told apart in several drafts: every source, the strongest certainty, every hedge. */
function joinClaims(list: DraftClaims[]): DraftClaims {
  const sources = new Map<number, DraftClaims['sources'][number]>();
  const hedges = new Map<number, DraftClaims['hedges'][number]>();
  let certainty: DraftClaims['certainty'] = 'reported';
  for (const c of list) {
    for (const s of c.sources) sources.set(s.start, s);
    for (const h of c.hedges) hedges.set(h.start, h);
    if (CERTAINTY_RANK[c.certainty] > CERTAINTY_RANK[certainty]) certainty = c.certainty;
  }
  const byStart = <T extends { start: number }>(m: Map<number, T>) => [...m.values()].sort((a, b) => a.start - b.start);
  return { sources: byStart(sources), certainty, hedges: byStart(hedges) };
}

/** The actor a source names, if any ("Taliban sources" names the Taliban). */
function sourceActor(doc: Doc, source: Span): ActorRef | null {
  const text = foldForMatch(doc.text.slice(source.start, source.end));
  const lex = actorLexicon();
  for (const word of text.split(' ')) {
    let node = lex.trie;
    let ok = true;
    for (const ch of word) {
      const n = node.next.get(ch);
      if (!n) {
        ok = false;
        break;
      }
      node = n;
    }
    const e = ok ? node.actors.find((x) => x.country !== '*') : undefined;
    if (e) return { name: e.actor, inter: e.inter, cls: classOf(e), country: null, generic: false, start: source.start, end: source.end };
  }
  return null;
}

function shiftDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const events: Component = {
  name: 'events',
  needs: ['sentences', 'tokens', 'times', 'places', 'quantities'],
  adds: ['events'],
  run(doc) {
    doc.set('events', extractEvents(doc));
  },
};
