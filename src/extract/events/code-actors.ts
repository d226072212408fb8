import type { Actor } from './types.js';
import type { Coding } from './acled-notes.js';
import type { Draft } from './assemble.js';
import type { ActorRef } from './roles.js';
import { armedCommunity, sameActor, sameActorRef } from './roles.js';
import type { CountryEntry } from './lexicon.js';

/**
 * Actor1 and actor2 of an event, ACLED style: the side that acts first, then the side acted on. When the
 * text leaves a side unnamed, the coding's conventions fill it: an unknown perpetrator is an unidentified
 * armed group (3), victims of violence against civilians are civilians (7), a crowd is protesters (6) or
 * rioters (5), the police meet a protest, and a generic "militants" is the armed group the document names.
 */
export interface ActorContext {
  input: string;
  /** The non-state armed group the document names most (for "the militants", "they"). */
  mainGroup: ActorRef | null;
  /** ISO code of the country the event happens in, if known. */
  country: string | null;
  /**
   * The only country whose forces the story names outright when it names none of the event country's own
   * ("Israeli forces raided the camp ... Two soldiers were wounded"): unnamed soldiers are theirs.
   */
  forces?: string | null;
  /** The named group that claimed the act ("Al-Shabaab claimed responsibility"), if one did. */
  claimant?: ActorRef | null;
  /**
   * Sentences that say the act was not claimed ("was not claimed, but such bombings have been used by group
   * X"): a group they name is not the perpetrator.
   */
  unclaimed?: ReadonlySet<number>;
  countryName: (code: string) => string | null;
}

const GENERIC_ARMED_WORDS = /\b(militants?|insurgents?|jihadists?|extremists?|terrorists?|rebels?|fighters?|infiltrators?|snipers?|suicide bombers?)\b/i;

function implicit(name: string, inter: number, cls: ActorRef['cls']): ActorRef {
  return { name, inter, cls, country: null, generic: true, start: -1, end: -1, implicit: true };
}

/** Unnamed attackers that, with "the", refer back to the group the story is about ("The attackers struck ..."). */
const DEFINITE_ATTACKERS = /\b(attackers?|assailants?|gunmen|gunman|armed men)\b/i;

/**
 * The group a generic "militants" or "the attackers" stands for: the one armed group the occurrence's own
 * sentences name (the text gives the opponent: "an attack by Taliban militants ... 3 militants were
 * killed"), else the group the story is about.
 */
function resolveGeneric(r: ActorRef | null, ctx: ActorContext, local: ActorRef | null = null): ActorRef | null {
  const group = local ?? ctx.mainGroup;
  if (!r || r.cls !== 'unidentified' || !group || r.start < 0) return r;
  const words = ctx.input.slice(r.start, r.end);
  if (/\b(unknown|unidentified)\b/i.test(words)) return r;
  const definite = /\b(the|these|those)\s+$/i.test(ctx.input.slice(Math.max(0, r.start - 8), r.start));
  if (!GENERIC_ARMED_WORDS.test(words) && !(definite && DEFINITE_ATTACKERS.test(words))) return r;
  return group;
}

/**
 * The one non-state armed group the draft names by name, if exactly one, and not as a target or partner
 * ("militants clashed with ISKP fighters": the militants are someone else).
 */
function localGroup(d: Draft, unclaimed: ReadonlySet<number> = new Set()): ActorRef | null {
  const found: ActorRef[] = [];
  const opposed = d.parts.flatMap((p) => p.roles.others);
  for (const p of d.parts) {
    if (unclaimed.has(p.view.sentence.index)) continue;
    for (const n of p.roles.named) {
      if (n.generic || !['rebel', 'militia', 'identity'].includes(n.cls)) continue;
      if (opposed.some((o) => same(o, n))) return null;
      if (!found.some((f) => f.name === n.name)) found.push(n);
    }
  }
  return found.length === 1 ? found[0]! : null;
}

const COMMUNITY_WORDS = /\b(?:communit(?:y|ies)|ethnic|tribes?|tribal|clans?|communal|intercommunal|inter-communal|land dispute|farmland|farm land|grazing|farmers|herders|herdsmen|pastoralists)\b/i;

const ARMED = new Set(['state', 'rebel', 'militia', 'identity', 'external', 'unidentified']);
const isCrowd = (r: ActorRef) => r.cls === 'civilians' || r.cls === 'rioters' || r.cls === 'protesters';

export function codeActors(d: Draft, coding: Coding, ctx: ActorContext): [ActorRef | null, ActorRef | null] {
  const [a1, a2] = codeSides(d, coding, ctx);
  // Rival factions of one group fight each other ("clashes between rival factions of the Sinaloa Cartel").
  const factions = factionsOf(d, ctx);
  if (factions && coding.type === 'Battles') return [factions, factions];
  // An unnamed group is never on both sides: the other side is then simply not known.
  if (a1 && a2 && a1.cls === 'unidentified' && a2.cls === 'unidentified' && a1.name === a2.name) return [a1, null];
  // A state's forces do not fight themselves unless the text says some of them turned ("mutinous soldiers"):
  // the other side is then the group the story is about, or not known.
  if (a1 && a2 && a1.cls === 'state' && a2.cls === 'state' && a1.name === a2.name && countryOf(a1, ctx) === countryOf(a2, ctx) && !turned(d, ctx)) {
    return [a1, ctx.mainGroup && coding.type === 'Battles' ? ctx.mainGroup : null];
  }
  return [a1, a2];
}

function countryOf(r: ActorRef, ctx: ActorContext): string | null {
  return r.country?.code ?? (ctx.forces ?? ctx.country);
}

/** Mutinies and defections: the words that let one state's forces be on both sides. */
const TURNED = /\b(?:mutin\w*|mutiny|rogue|renegade|defect(?:ed|ing|ors?)|breakaway|dissident|rival (?:units|factions)|coup|turned (?:on|against)|insider attack)\b/i;

function turned(d: Draft, ctx: ActorContext): boolean {
  return d.parts.some((p) => TURNED.test(ctx.input.slice(p.view.start, p.view.end)));
}

/** The named group whose factions fight each other in the draft's words, if they do. */
function factionsOf(d: Draft, ctx: ActorContext): ActorRef | null {
  for (const p of d.parts) {
    const text = ctx.input.slice(p.span.start, p.span.end);
    const m = /\b(?:rival|competing|warring|two|different|opposing)\s+(?:factions?|wings?|branches)\s+(?:of|within)\s+(?:the\s+)?/i.exec(text);
    if (!m) continue;
    const at = p.span.start + m.index + m[0].length;
    const g = p.roles.named.find((r) => r.start === at && !r.generic);
    if (g) return g;
  }
  return null;
}

const same = sameActorRef;

function codeSides(d: Draft, coding: Coding, ctx: ActorContext): [ActorRef | null, ActorRef | null] {
  let agent: ActorRef | null = null;
  for (const p of d.parts) if (!agent && p.roles.agent) agent = p.roles.agent;
  // A group that claims the act is its perpetrator when the text names no other ("gunmen", "a bomb").
  if (ctx.claimant && (!agent || agent.cls === 'unidentified')) agent = ctx.claimant;
  const local = localGroup(d, ctx.unclaimed);
  agent = resolveGeneric(agent, ctx, local);
  const others: ActorRef[] = [];
  const named: ActorRef[] = [];
  for (const p of d.parts) {
    for (const o of p.roles.others) if (!others.some((x) => same(x, o))) others.push(resolveGeneric(o, ctx, local)!);
    for (const n of p.roles.named) named.push(resolveGeneric(n, ctx, local)!);
  }
  const unclear = d.parts.some((p) => p.unclearWho);
  const notAgent = (r: ActorRef) => !agent || !(sameActor(r, agent) && r.name === agent.name);
  const firstOther = (test: (r: ActorRef) => boolean) => others.find((r) => notAgent(r) && test(r)) ?? null;
  const firstNamed = (test: (r: ActorRef) => boolean) => named.find((r) => notAgent(r) && test(r)) ?? null;
  const unidentified = implicit('Unidentified Armed Group ({country})', 3, 'unidentified');
  const state = implicit('Military Forces of {country}', 1, 'state');
  const police = implicit('Police Forces of {country}', 1, 'state');
  const civilians = implicit('Civilians ({country})', 7, 'civilians');
  const protesters = implicit('Protesters ({country})', 6, 'protesters');
  const rioters = implicit('Rioters ({country})', 5, 'rioters');
  const communalMilitia = implicit('Communal Militia ({country})', 4, 'identity');
  const armed = (r: ActorRef) => ARMED.has(r.cls);
  const nonState = (r: ActorRef) => ['rebel', 'militia', 'identity', 'unidentified'].includes(r.cls);

  switch (coding.type) {
    case 'Protests': {
      const a1 = [agent, ...named].find((r) => r && (r.cls === 'protesters' || r.cls === 'rioters' || r.cls === 'civilians')) ?? protesters;
      const crowd: ActorRef = a1.cls === 'protesters' ? a1 : { ...a1, name: 'Protesters ({country})', inter: 6, cls: 'protesters' };
      if (coding.subType === 'Peaceful protest') return [crowd, null];
      const force = [agent, ...named].find((r) => r && r.cls === 'state') ?? police;
      return coding.subType === 'Excessive force against protesters' ? [force, crowd] : [crowd, force];
    }
    case 'Riots': {
      const a1 = [agent, ...named].find((r) => r && (r.cls === 'rioters' || r.cls === 'protesters' || r.cls === 'civilians'));
      const crowd: ActorRef = a1 && a1.cls === 'rioters' ? a1 : rioters;
      if (coding.subType === 'Mob violence') {
        // Two crowds fighting each other ("supporters of two candidates clashed") are rioters on both sides.
        // ("Police clashed with squatters who threw stones": the force that fought the crowd is its other side.)
        const force = d.parts.find((p) => p.coding.type === 'Riots' && p.roles.agent?.cls === 'state' && ['clash', 'attack', 'wound', 'shoot'].includes(p.coding.main.kind))?.roles.agent ?? null;
        const brawl = d.parts.some((p) => p.coding.main.kind === 'clash') && !others.some((r) => notAgent(r) && !isCrowd(r)) && !force;
        if (brawl) return [crowd, rioters];
        return [crowd, force ?? firstOther((r) => r.cls !== 'rioters' && r.cls !== 'protesters') ?? civilians];
      }
      // The police are a party when they meet the crowd: named as a target or partner, or named in a draft
      // that tells how the crowd was met (tear gas, dispersal, a clash, arrests: "The police dispersed the crowd").
      const met = d.parts.some((p) => p.triggers.some((t) => t.kind === 'intervene' || t.kind === 'clash' || t.kind === 'arrest'));
      const force = firstOther((r) => r.cls === 'state') ?? (agent?.cls === 'state' ? agent : null) ?? (met ? firstNamed((r) => r.cls === 'state') : null);
      if (force) return [crowd, force];
      // People the crowd harmed ("assaulted a motor taxi driver", "attacking teachers") are civilians.
      const harmed = others.some((r) => r.cls === 'civilians') || d.parts.some((p) => p.roles.victims.some((v) => (v.outcome === 'kill' || v.outcome === 'wound') && (!v.group || v.group.cls === 'civilians')));
      if (harmed) return [crowd, civilians];
      return [crowd, met && d.parts.some((p) => p.triggers.some((t) => t.kind === 'intervene')) ? police : null];
    }
    case 'Violence against civilians': {
      const a1 = agent && armed(agent) ? agent : unclear ? unidentified : firstNamed((r) => armed(r) && r.cls !== 'state') ?? ctx.mainGroup ?? unidentified;
      const a2 = others.find((r) => r.cls === 'civilians') ?? civilians;
      return [a1, a2];
    }
    case 'Battles': {
      if (coding.subType === 'Government regains territory') {
        const a1 = agent && agent.cls === 'state' ? agent : firstNamed((r) => r.cls === 'state') ?? state;
        const a2 = firstOther(nonState) ?? firstNamed(nonState) ?? ctx.mainGroup ?? null;
        return [a1, a2];
      }
      if (coding.subType === 'Non-state actor overtakes territory') {
        const a1 = agent && nonState(agent) ? agent : firstNamed(nonState) ?? ctx.mainGroup ?? unidentified;
        return [a1, firstOther((r) => r.cls === 'state') ?? firstNamed((r) => r.cls === 'state') ?? state];
      }
      let a1 = agent && armed(agent) ? agent : null;
      let a2 = firstOther((r) => armed(r) && (!a1 || !same(r, a1))) ?? null;
      if (!a1) a1 = firstNamed((r) => armed(r) && (!a2 || !same(r, a2))) ?? null;
      // A fight told between communities, clans or ethnic groups ("a clash between the A and B communities",
      // "villagers of X and Y fought over farmland") is fought by their militias even when neither is named as one.
      const communal = d.parts.some((p) => p.roles.communal || COMMUNITY_WORDS.test(ctx.input.slice(p.view.start, p.view.end)));
      // An identity militia's opponent, when unnamed, is another community's ("ethnic clashes between A and B").
      if (!a1 && a2) a1 = a2.cls === 'state' ? (unclear ? unidentified : ctx.mainGroup ?? unidentified) : a2.cls === 'identity' || communal ? communalMilitia : state;
      if (!a2 && a1) a2 = firstNamed((r) => armed(r) && !same(r, a1!)) ?? (a1.cls === 'state' ? ctx.mainGroup : null);
      if (!a1 && !a2) {
        if (communal) {
          // The communities the text names fight as their militias ("Fulani herders and Tiv farmers").
          const sides = named.filter((r) => r.community).map(armedCommunity);
          const s1 = sides[0] ?? communalMilitia;
          const s2 = sides.find((r) => r.name !== s1.name) ?? communalMilitia;
          return [s1, s2];
        }
        a1 = ctx.mainGroup;
      }
      // One community named, the other not: the other side is another community's militia.
      if (a1 && !a2 && a1.cls === 'identity' && communal) a2 = communalMilitia;
      // A battle has two sides. State forces fighting a side the text does not name fight an unidentified
      // armed group; a rebel group fighting an unnamed side fights the state's forces (ACLED's defaults).
      // (Forces that turned on their own fight themselves: "a policeman turned on his colleagues".)
      if (a1 && !a2 && a1.cls === 'state') a2 = turned(d, ctx) ? a1 : unidentified;
      else if (a1 && !a2 && a1.cls === 'rebel') a2 = state;
      return [a1, a2 ?? null];
    }
    case 'Explosions/Remote violence': {
      const air = coding.subType === 'Air/drone strike';
      // A suicide bombing is not the state's: forces that act only in the story's later sentences (they carry
      // the wounded away, cordon off the site) are its responders, not its perpetrator.
      const responder = coding.subType === 'Suicide bomb' && agent?.cls === 'state' && !d.parts[0]!.roles.agent;
      const bomber = responder ? null : agent;
      const a1 = bomber && bomber.cls !== 'civilians' ? bomber : air ? state : unidentified;
      // No armed target named and people among the dead or hurt ("Four civilians were killed when a bus struck a
      // roadside bomb"): the civilians hit are the other side (ACLED: civilians as actor 2 when they are who was hit).
      const a2 = others.find((r) => !same(r, a1)) ?? (peopleHarmed(d) ? civilians : null);
      return [a1, a2];
    }
    default: {
      // Strategic developments.
      let a1 = agent ?? null;
      if (!a1 && coding.subType === 'Arrests') a1 = firstNamed((r) => r.cls === 'state') ?? police;
      if (!a1) a1 = firstNamed(armed) ?? null;
      let a2 = firstOther((r) => !a1 || !same(r, a1)) ?? null;
      // Property looted or destroyed by an armed group with no armed owner named is civilians' (ACLED codes the
      // civilians as actor 2); people arrested with no group named are civilians too.
      if (!a2 && a1 && a1.cls !== 'civilians' && (coding.subType === 'Looting/property destruction' || (coding.subType === 'Arrests' && a1.cls === 'state' && !firstNamed((r) => armed(r) && !same(r, a1!))))) a2 = civilians;
      // A handover has two sides: the one leaving and the one taking over.
      if (!a2 && coding.subType === 'Non-violent transfer of territory') a2 = firstNamed((r) => armed(r) && (!a1 || !same(r, a1))) ?? null;
      return [a1, a2];
    }
  }
}

/** People killed or hurt in the draft who belong to no armed side (told by number or as civilians). */
function peopleHarmed(d: Draft): boolean {
  return d.parts.some((p) => p.roles.victims.some((v) => (v.outcome === 'kill' || v.outcome === 'wound' || v.outcome === 'killwound') && (v.group ? v.group.cls === 'civilians' : !COMBATANT.test(p.view.toks.slice(v.tok, v.tokEnd).map((t) => t.low).join(' ')))));
}
const COMBATANT = /\b(?:soldiers?|troops?|police\w*|officers?|gendarmes?|guards?|militants?|fighters?|insurgents?|rebels?|attackers?|assailants?|gunm[ae]n|militiam[ae]n|jihadists?|terrorists?|bandits?|personnel|peacekeepers?|bombers?)\b/;

/** The actor as written out: its name with the country filled in, and its inter code for this event. */
export function toActor(r: ActorRef | null, ctx: ActorContext): Actor | null {
  if (!r) return null;
  const own: CountryEntry | null = r.country;
  const code = own?.code ?? (r.cls === 'state' && ctx.forces ? ctx.forces : ctx.country);
  const cname = own?.name ?? (code ? ctx.countryName(code) : null);
  let name = r.name;
  if (name.includes('{country}')) {
    name = cname ? name.replace('{country}', cname) : name.replace(/ of \{country\}| \(\{country\}\)|\{country\}/, '').trim();
  }
  let inter = r.inter;
  // A state's forces outside their own country are external forces (ACLED inter 8).
  if (r.cls === 'state' && code && ctx.country && code !== ctx.country) inter = 8;
  return { name, inter };
}
