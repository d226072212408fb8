import type { Doc } from '../../core/document.js';
import { laterParse, parsable } from '../../nlp/syntax/component.js';
import { Tree } from '../../nlp/syntax/tree.js';
import type { Tok } from '../quantities/view.js';
import type { ActorMention } from './actors.js';
import { refOf, type ClauseRoles } from './roles.js';
import type { Trigger } from './triggers.js';

/**
 * Who did it to whom, read from the dependency parse where word order fails (issue 10, item 5): the agent of
 * a trigger is its subject, the by-phrase of a passive, or — for a clause with no subject of its own, such as
 * ", killing 20" — the agent of the clause it hangs on; the patient is its object or its passive subject;
 * conjuncts share a role and an apposition names the same actor. The speaker of reported speech ("officials
 * said militants burned ...") is the source, never a participant.
 *
 * The word-order reading (roles.ts) stays the first answer where it has one and the parse agrees; the parse
 * decides when word order found no agent, or took for the agent someone the parse says was acted on or only
 * speaks.
 */

/** Nouns that stand for the members of what follows "of" ("members of X", "a group of gunmen"). */
const MEMBERS_OF = /^(members?|group|groups|band|bands|gang|gangs|unit|units|elements?|supporters?|militants?|fighters?|men|dozens|hundreds|scores|contingent|detachment|faction|factions|wing|cadres?|activists?|leaders?|followers?|youths?|team)$/;

/** Acts whose patient is the other side of the event (attacked, shot at, fought, killed). */
const OUTCOMES = new Set(['kill', 'wound', 'killwound']);
const PATIENT_IS_SIDE = new Set(['attack', 'clash', 'shoot', 'kill', 'wound', 'killwound', 'shell', 'air', 'grenade', 'bomb', 'ied', 'suicide']);

interface Part {
  from: number;
  to: number;
  triggers: Trigger[];
}

/** The actor mention a parse word names: the mention holding it, or for "members of X" the X. */
function mentionOf(tree: Tree, toks: Tok[], base: number, actors: ActorMention[], d: number): ActorMention | undefined {
  const i = d - base;
  const own = actors.find((m) => m.tokStart <= i && i < m.tokEnd);
  if (own && !own.generic) return own;
  // "fighters of the Islamic State", "members of MEND": the named group the generic noun belongs to.
  if (MEMBERS_OF.test(toks[i]?.low ?? '') || own) {
    for (const c of tree.children(d, 'nmod')) {
      if (!tree.children(c, 'case').some((k) => tree.word(k) === 'of')) continue;
      const m = actors.find((a) => a.tokStart <= c - base && c - base < a.tokEnd);
      if (m && (!own || (!m.generic && m.cls !== 'civilians' && m.cls !== 'state'))) return m;
    }
  }
  return own;
}

/** The mentions a set of parse words name, appositions included, in text order. */
function mentionsOf(tree: Tree, toks: Tok[], base: number, actors: ActorMention[], ds: number[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (const d of ds) {
    for (const x of [d, ...tree.appositions(d)]) {
      const m = mentionOf(tree, toks, base, actors, x);
      if (m && !out.includes(m)) out.push(m);
    }
  }
  return out.sort((a, b) => a.tokStart - b.tokStart);
}

export interface ParseRoles {
  agents: ActorMention[];
  patients: ActorMention[];
  /** Words the parse names as the patient, whether or not they are actors. */
  patientWords: number[];
  /** Whether the trigger has an object of its own in the parse. */
  hasObject: boolean;
  /** Whether the parse reads the trigger as a passive. */
  passive: boolean;
  /** Mentions that are the source of the report the trigger is told in. */
  speakers: ActorMention[];
}

/** The parse's reading of one trigger: its agents, patients and the speakers of the report it is told in. */
export function rolesOfTrigger(doc: Doc, toks: Tok[], actors: ActorMention[], t: Trigger): ParseRoles | null {
  const first = toks[0];
  if (!first) return null;
  const base = first.index;
  const d = toks[t.tokStart]!.index;
  const tree = Tree.at(doc, d);
  if (!tree || !tree.has(d)) return null;
  // A trigger of several words ("opened fire") is headed by the word the others hang on.
  let p = d;
  for (let k = t.tokStart; k < t.tokEnd; k++) {
    const x = toks[k]!.index;
    if (!tree.has(x)) continue;
    const h = tree.head(x);
    if (h < toks[t.tokStart]!.index || h > toks[t.tokEnd - 1]!.index) {
      p = x;
      break;
    }
  }
  // A participle hanging on a noun reads as that noun's passive ("civilians killed by the army") only with
  // a by-phrase or a passive auxiliary: without them the parse may have taken a subject for the noun a
  // participle modifies ("gunmen abducted a man" read as "gunmen [who were] abducted").
  const participle = tree.rel(p) === 'acl' && tree.byAgents(p).length === 0 && !tree.children(p, 'aux:pass').length;
  const patientWords = participle ? tree.children(p, 'obj').flatMap((o) => tree.conjuncts(o)) : tree.patients(p);
  return {
    agents: mentionsOf(tree, toks, base, actors, tree.agents(p)),
    patients: mentionsOf(tree, toks, base, actors, patientWords),
    patientWords: patientWords.map((x) => x - base),
    passive: tree.isPassive(p),
    hasObject: tree.children(p, 'obj').length > 0,
    speakers: mentionsOf(tree, toks, base, actors, tree.speakers(p)),
  };
}

/**
 * Corrects and completes the roles of a clause from the parse of its triggers: an agent where word order
 * found none; no agent taken from the patient or the speaker of the report; the patients as other sides.
 */
export function parseRoles(doc: Doc, toks: Tok[], part: Part, roles: ClauseRoles, actors: ActorMention[]): void {
  // With no actor named in the sentence the parse names no agent, patient or speaker, so it changes no role:
  // it only gives the patient's words, which classify reads for a few codings. The sentence is then parsed
  // when they are read, not before (a parse is the costliest step of the analysis).
  if (actors.length === 0) {
    lazyPatientHeads(doc, toks, part, roles);
    return;
  }
  const readings = part.triggers.map((t) => ({ t, r: rolesOfTrigger(doc, toks, actors, t) })).filter((x) => x.r !== null) as { t: Trigger; r: ParseRoles }[];
  if (readings.length === 0) return;

  const inPart = (m: ActorMention) => m.tokStart >= part.from && m.tokStart < part.to;
  // Word order took the wrong one: the agent it found is what the act was done to, or only the one who tells it.
  if (roles.agent && roles.agentHow === 'subject') {
    const a = roles.agent;
    const main = readings[0]!;
    // A speaker gives way only to an agent the parse names ("the army said its soldiers were killed":
    // the army's own side stays).
    const speaker = main.r.speakers.some((m) => m.start === a.start) && main.r.agents.some((m) => m.start !== a.start && m.cls !== 'civilians');
    const wrong = (main.r.passive && main.r.patients.some((m) => m.start === a.start) || speaker) && !main.r.agents.some((m) => m.start === a.start);
    if (wrong) {
      roles.agent = null;
      roles.agentHow = null;
      if (main.r.patients.some((m) => m.start === a.start) && !roles.others.some((o) => o.start === a.start)) roles.others.push(a);
    }
  }
  // "Troops and militiamen killed ...": conjoined agents share the act; ACLED's actor 1 is the first named.
  if (roles.agent && roles.agentHow === 'subject') {
    const a = roles.agent;
    const r = readings.find((x) => x.r.agents.some((m) => m.start === a.start))?.r;
    const firstNamed = r?.agents.find((m) => inPart(m) && m.cls !== 'civilians' && m.start < a.start && !r.speakers.includes(m));
    if (firstNamed) roles.agent = refOf(firstNamed);
    // An apposition or an "of" phrase that names the agent's group: "the attackers, members of JNIM".
    const now = roles.agent;
    const named = r?.agents.find((m) => inPart(m) && !m.generic && m.cls !== 'civilians' && m.start !== now.start && !r.speakers.includes(m));
    if (now.generic && named && !firstNamed) roles.agent = refOf(named);
  }
  if (!roles.agent) {
    for (const { t, r } of readings) {
      // "3 soldiers wounded", "two police killed": a headline's participle with no object has its patient
      // before it, which a parse may read as a subject.
      if (!r.passive && (t.passive || (OUTCOMES.has(t.kind) && !r.hasObject))) continue;
      // "Boko Haram-clearing operations", "IS-held towns": a name joined by a hyphen to a word is what that
      // word is about, not who acts.
      const hyphened = (x: ActorMention) => toks[x.tokEnd]?.low === '-' && toks[x.tokEnd]!.start === x.end;
      const m = r.agents.find((x) => inPart(x) && x.cls !== 'civilians' && !r.speakers.includes(x) && !hyphened(x));
      if (!m) continue;
      roles.agent = refOf(m);
      roles.agentHow = r.passive ? 'by' : 'subject';
      roles.others = roles.others.filter((o) => o.start !== m.start);
      break;
    }
  }
  const heads = patientHeads(readings, part);
  if (heads) roles.patientHeads = heads;
  // The parse's patients are the other side ("attacked a police patrol", "soldiers were ambushed").
  for (const { t, r } of readings) {
    // Who is taken, held or harmed in custody is a victim, not a side: abducted soldiers make no battle.
    if (!PATIENT_IS_SIDE.has(t.kind)) continue;
    for (const m of r.patients) {
      // An object follows its verb with no comma between ("kill five, rescue 180 hostages": the hostages
      // are rescued, whatever the parse says).
      if (m.tokStart > t.tokEnd && toks.slice(t.tokEnd, m.tokStart).some((x) => /^[,;:]$/.test(x.low))) continue;
      if (!inPart(m) || (roles.agent && roles.agent.start === m.start) || roles.others.some((o) => o.start === m.start)) continue;
      roles.others.push(refOf(m));
    }
  }
  roles.others.sort((a, b) => a.start - b.start);
}

/** The words the parse names as patients of the acts that have one, in the part; undefined for none. */
function patientHeads(readings: { t: Trigger; r: ParseRoles }[], part: Part): number[] | undefined {
  const heads = readings.filter(({ t }) => PATIENT_IS_SIDE.has(t.kind) || t.kind === 'abduct').flatMap(({ r }) => r.patientWords).filter((i) => i >= part.from && i < part.to);
  return heads.length ? [...new Set(heads)] : undefined;
}

/**
 * parseRoles for a sentence with no actor: `roles.patientHeads` becomes a property that parses the sentence
 * on first read, giving what parseRoles would have set (and the others sorted, as parseRoles does whenever
 * the sentence has a parse).
 */
function lazyPatientHeads(doc: Doc, toks: Tok[], part: Part, roles: ClauseRoles): void {
  // What rolesOfTrigger would find: a parse of the sentence holding the triggers.
  const t0 = part.triggers[0];
  if (!toks[0] || !t0) return;
  const tok = doc.get('tokens')[toks[t0.tokStart]!.index];
  if (!tok || !parsable(doc, tok.sentence)) return;
  const sentence = tok.sentence;
  roles.others.sort((a, b) => a.start - b.start);
  const wanted = part.triggers.filter((t) => PATIENT_IS_SIDE.has(t.kind) || t.kind === 'abduct');
  if (wanted.length === 0) return;
  laterParse(doc, sentence);
  let value: number[] | undefined;
  let known = false;
  Object.defineProperty(roles, 'patientHeads', {
    configurable: true,
    enumerable: true,
    get() {
      if (!known) {
        const readings = wanted.map((t) => ({ t, r: rolesOfTrigger(doc, toks, [], t) })).filter((x) => x.r !== null) as { t: Trigger; r: ParseRoles }[];
        value = patientHeads(readings, part);
        known = true;
      }
      return value;
    },
    set(v: number[] | undefined) {
      value = v;
      known = true;
    },
  });
}
