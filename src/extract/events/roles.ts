import type { Tok } from '../quantities/view.js';
import type { QuantityProposal } from '../quantities/parse-counts.js';
import type { ActorMention, ActorClass, CountryMention } from './actors.js';
import type { CountryEntry } from './lexicon.js';
import { QUOTED, type Trigger, type TriggerKind } from './triggers.js';
import { facilityAt, type FacilityOwner } from './facilities.js';

/** An actor taking part in an event: named in the text, or implied (a check point implies state forces). */
export interface ActorRef {
  /** Name template ("Military Forces of {country}", "Taliban"). */
  name: string;
  inter: number;
  cls: ActorClass;
  country: CountryEntry | null;
  generic: boolean;
  start: number;
  end: number;
  implicit?: boolean;
  /** People of a livelihood or community: the militia they are coded as when they fight (actors.ts). */
  community?: { name: string; strong: boolean };
}

export interface Victim {
  tok: number;
  /** One past the victim's last token (the figure's noun phrase, or the actor mention). */
  tokEnd: number;
  /** Token index of the outcome word ("killed") the victim belongs to. */
  trigger: number;
  /** Number of people as the figure reads, conservatively (a range's low end); null if not given. */
  count: number | null;
  /** The figure's upper end when the text gives one ("5-7" gives 7; "at least 5" none). */
  high: number | null;
  outcome: 'kill' | 'wound' | 'killwound';
  group: ActorRef | null;
}

export interface ClauseRoles {
  agent: ActorRef | null;
  agentHow: 'modifier' | 'by' | 'subject' | null;
  /** Other participants in order of mention: objects, targets, partners, victims' groups. */
  others: ActorRef[];
  victims: Victim[];
  /** Every actor named in the clause, whatever its role. */
  named: ActorRef[];
  /**
   * Unorganised people who do the violence themselves ("villagers lynched a man", "youths attacked voters"):
   * the subject of an active violent act when it names civilians, not an armed group. ACLED codes them as
   * rioters (mob violence), not as a perpetrator of violence against civilians.
   */
  crowd?: ActorRef | null;
  /**
   * Sentence token indices of what the parse names as the act's patient (object, passive subject), actor or
   * not ("a lawmaker was shot", "attacked two traders"): who was harmed when no actor names them.
   */
  patientHeads?: number[];
  /** The clash is said to be between communities ("ethnic clashes", "communal violence"). */
  communal?: boolean;
  /** The sides a clash is fought with or between ("clashed with X", "clashes between A and B"). */
  clashSides?: ActorRef[];
}

export interface ClauseInput {
  toks: Tok[];
  from: number;
  to: number;
  actors: ActorMention[];
  countries: CountryMention[];
  triggers: Trigger[];
  quantities: QuantityProposal[];
  /** Token indices inside parentheses (alternative figures, asides). */
  inParens: (i: number) => boolean;
}

/** ACLED's reading of a vague plural of dead ("several", "many"): 10. */
export const VAGUE_FATALITIES = 10;
/** Vague words that stand alone as the dead, with ACLED's figure for each ("killing several", "killed dozens"). */
const BARE_VAGUE: Record<string, number> = { several: VAGUE_FATALITIES, many: VAGUE_FATALITIES, some: VAGUE_FATALITIES, numerous: VAGUE_FATALITIES, dozens: 12, scores: 20 };
const VAGUE_PLURAL = /^(several|many|numerous|multiple|scores)$/;

/** Titles that name one person ("the director of ...", "a district governor"). */
const QUALIFIER = /^(suspected|presumed|alleged|known|young|elderly|old|local|notorious|armed|unarmed|innocent|female|male|retired|former|prominent)$/;
const PERSON_HEADS = new Set(['thief', 'robber', 'burglar', 'suspect', 'criminal', 'trader', 'farmer', 'herder', 'herdsman', 'pastoralist', 'student', 'pupil', 'teacher', 'motorcyclist', 'councilman', 'councillor', 'butcher', 'ranger', 'youth', 'merchant', 'businessman', 'cleric', 'imam', 'pastor', 'priest', 'fisherman', 'hunter', 'miner', 'vendor', 'herdsboy', 'marabout', 'catechist', 'civilian', 'soldier', 'policeman', 'gendarme', 'director', 'head', 'governor', 'commander', 'chief', 'official', 'spokesman', 'spokesperson', 'deputy', 'leader', 'member', 'employee', 'agent', 'officer', 'mayor', 'judge', 'prosecutor', 'lawmaker', 'senator', 'minister', 'administrator', 'headmaster', 'principal', 'guard', 'bodyguard', 'driver', 'man', 'woman', 'boy', 'girl', 'child', 'person', 'resident', 'villager',
  // more people a report names one at a time ("shot dead a wildlife tracker", "lynched a presumed criminal")
  'tracker', 'activist', 'journalist', 'reporter', 'worker', 'spy', 'informant', 'informer', 'nurse', 'doctor', 'engineer', 'lawyer',
  'politician', 'aspirant', 'candidate', 'convert', 'mason', 'guide', 'watchman', 'vigilante', 'shopkeeper', 'tailor', 'mechanic',
  'rider', 'operator', 'passenger', 'traveller', 'traveler', 'pilgrim', 'refugee', 'migrant', 'prisoner', 'detainee', 'inmate', 'hostage',
  'captive', 'collaborator', 'militant', 'fighter', 'insurgent', 'rebel', 'jihadist', 'bandit', 'gunman', 'attacker', 'assailant', 'bomber',
  'militiaman', 'murderer', 'smuggler', 'kidnapper', 'poacher', 'elder', 'notable', 'dealer', 'supporter', 'cadre', 'volunteer', 'staffer',
  'inspector', 'sergeant', 'corporal', 'lieutenant', 'captain', 'colonel', 'constable', 'ranger', 'escort', 'pupil']);
/** Acts joined to a killing whose objects are not its dead: rescued, freed, arrested, captured, seized. */
const OTHER_ACT = /^(rescu|free|freed|releas|liberat|arrest|captur|recover|seiz|detain|abduct|kidnap|destroy|burn|torch|dislodg|clear|displac)[a-z]*$/;
const OUTCOMES = new Set<TriggerKind>(['kill', 'wound', 'killwound']);
const ARMED_CLASSES = new Set(['state', 'rebel', 'militia', 'identity', 'external', 'unidentified']);
const WEAPONISH = new Set<TriggerKind>(['ied', 'suicide', 'air', 'shell', 'grenade', 'bomb', 'attack', 'shoot', 'clash']);
const BOUNDARY = new Set(['.', ';', 'when', 'after', 'while', 'whereas', 'because', 'following', 'during', 'before', 'as', 'since', 'where', 'who', 'which', 'that']);
const REPORTING = /^(said|says|say|told|tells|added|adds|claimed|claims|reported|reports|stated|announced|confirmed)$/;
/** Acts two sides do to each other: a coordinated subject names both ("A and B clashed", "exchanged fire"). */
const RECIPROCAL = new Set<TriggerKind>(['clash', 'shell', 'shoot']);
const SUBSET = new Set(['including', 'incl', 'among']);
const PREPOSITION = /^(of|for|to|from|with|by|in|at|on|among|against|between|near|towards?|into|including)$/;
/** A noun after a preposition is no subject, except after a word that counts it ("a number of villagers"). */
function objectOfPreposition(toks: Tok[], k: number): boolean {
  const prev = toks[k - 1]?.low ?? '';
  if (!PREPOSITION.test(prev)) return false;
  return !(prev === 'of' && /^(number|group|groups|crowd|crowds|dozens|hundreds|thousands|scores|band|gang|mob|couple|some|many|several|members|member|hundred|dozen)$/.test(toks[k - 2]?.low ?? ''));
}

/** "two men", "four individuals", "unknown persons": counted or unknown, not "a group of individuals". */
function unnamedPerpetrators(toks: Tok[], k: number): boolean {
  const prev = toks[k - 1];
  return !!prev && (prev.pos === 'NUM' || /^\d/.test(prev.low) || /^(unknown|unidentified|masked|hooded|armed|suspected)$/.test(prev.low));
}

/** Unnamed perpetrators, not a crowd: "two men", "unknown individuals" (when acting with violence). */
const UNNAMED_PERSONS = /^(m[ae]n|individuals?|persons?)$/;

/** "armed with machetes", "equipped with guns", "with machetes", "carrying rifles" right after a noun. */
function armedWith(toks: Tok[], k: number): boolean {
  let i = k;
  if (toks[i]?.low === ',') i++;
  if (/^(armed|equipped)$/.test(toks[i]?.low ?? '')) return true;
  if (!/^(with|carrying|wielding|brandishing)$/.test(toks[i]?.low ?? '')) return false;
  for (let j = i + 1; j < Math.min(toks.length, i + 5); j++) if (WEAPON_NOUN.test(toks[j]!.low)) return true;
  return false;
}
const WEAPON_NOUN = /^(guns?|rifles?|firearms?|machetes?|knives|knife|cutlass(?:es)?|weapons?|pistols?|ak-?47s?|arms|bows?|arrows?|spears?|clubs?|sticks?|batons?|axes?|swords?|daggers?)$/;

/**
 * The act is told actively with an object ("lynched a man", "attacked the station"); a participle with
 * none after it ("Health worker assassinated overnight", "station attacked in X") is a passive headline.
 * Acts two sides do to each other need no object ("supporters clashed").
 */
function activeWithObject(toks: Tok[], t: Trigger): boolean {
  if (t.passive || !t.verbal || /^(died|die|dies|dying)$/.test(toks[t.tokStart]!.low)) return false;
  if (RECIPROCAL.has(t.kind) || /^(fought|fight|fighting|clashed|clash|clashes|rioted)$/.test(toks[t.tokStart]!.low)) return true;
  let n = t.tokEnd;
  // "beat up a thief", "cut off", "burned down a house": a particle before the object.
  if (/^(up|down|off|out)$/.test(toks[n]?.low ?? '')) n++;
  const next = toks[n];
  if (!next) return false;
  // "beat and robbed a man": a chain of acts with one object at its end.
  if ((next.low === 'and' || next.low === ',') && toks[n + 1]?.pos === 'VERB') return true;
  return ['DET', 'NUM', 'NOUN', 'PROPN', 'PRON', 'ADJ'].includes(next.pos) || /^\d/.test(next.low) || next.pos === 'VERB' && /ing$/.test(next.low);
}

/** Acts of violence a crowd or a community can commit with its own hands. */
const VIOLENT_ACTS = new Set<TriggerKind>(['attack', 'clash', 'shoot', 'kill', 'wound', 'killwound', 'torture', 'abduct', 'loot', 'sexual']);
const JOIN = new Set([',', 'and', 'in', 'addition', 'to', 'as', 'well', 'plus', 'along', 'together', 'with', 'his', 'her', 'their', 'its', 'a', 'an', 'the', 'other', 'others']);

export function refOf(m: ActorMention): ActorRef {
  if (m.community) {
    return { name: 'Civilians ({country})', inter: 7, cls: 'civilians', country: m.country, generic: m.generic, start: m.start, end: m.end, community: m.community };
  }
  return { name: m.entry.actor, inter: m.entry.inter, cls: m.cls, country: m.country, generic: m.generic, start: m.start, end: m.end };
}

const COMMUNAL = /^(ethnic|communal|intercommunal|inter-communal|intra-communal|tribal|clan|interethnic|inter-ethnic|sectarian)$/;

/** Unarmed people in a communal clash fight as their community's militia, named or not. */
function communityOf(r: ActorRef): ActorRef {
  return r.community ? r : { ...r, community: { name: 'Communal Militia ({country})', strong: false } };
}

/** The militia a community fights as (ACLED identity militia, inter 4). */
export function armedCommunity(r: ActorRef): ActorRef {
  if (!r.community) return r;
  const { community: _c, ...rest } = r;
  void _c;
  return { ...rest, name: r.community.name, inter: 4, cls: 'identity' };
}

function stateRef(owner: FacilityOwner, country: CountryEntry | null, start: number, end: number): ActorRef {
  return {
    name: owner === 'police' ? 'Police Forces of {country}' : 'Military Forces of {country}',
    inter: 1, cls: 'state', country, generic: true, start, end, implicit: true,
  };
}

/**
 * One actor, strictly: the same name and class and, for a template name ("Police Forces of {country}"), the
 * same country. (sameActor below is the looser "may be the same" of two mentions.)
 */
export function sameActorRef(a: ActorRef, b: ActorRef): boolean {
  return a.name === b.name && a.cls === b.cls && (a.country?.code ?? null) === (b.country?.code ?? null);
}

export function sameActor(a: ActorRef | null, b: ActorRef | null): boolean {
  if (!a || !b) return false;
  if (a.cls !== b.cls) return false;
  if (!a.generic && !b.generic) return a.name === b.name;
  if (a.cls === 'state') return !a.country || !b.country || a.country.code === b.country.code;
  return a.generic === b.generic ? a.name === b.name || a.cls === b.cls : a.cls === b.cls && a.cls !== 'unidentified';
}

function mentionAt(actors: ActorMention[], tok: number): ActorMention | undefined {
  return actors.find((m) => m.tokStart <= tok && tok < m.tokEnd);
}

function mentionStartingIn(actors: ActorMention[], from: number, to: number): ActorMention | undefined {
  return actors.find((m) => m.tokStart >= from && m.tokStart < to);
}

function conservative(q: QuantityProposal): number | null {
  if (q.proportion) return null;
  if (q.low !== null) return q.low;
  return q.best;
}

function singular(toks: Tok[], m: ActorMention): boolean {
  const head = toks[m.tokEnd - 1]!;
  const w = head.low.replace(/'$/, '');
  if (/^(men|women|children|people|police|personnel|forces|troops|militia|staff)$/.test(w)) return false;
  // A body of people named as one ("the army", "the Tiv community", "a gang") is no count of dead.
  if (/^(army|military|community|communities|group|gang|mob|crowd|gendarmerie|navy|battalion|brigade|unit|government|regime|clan|tribe|population|family)$/.test(w)) return false;
  return !/s$/.test(w) || /(ss|us)$/.test(w);
}

/**
 * Who did what to whom in the clause toks[from, to): the agent (by a modifier "Taliban-planted", a by-phrase
 * "killed by unknown gunmen", or the subject of an active verb), the other participants, and the people
 * killed or wounded with their numbers.
 */
export function clauseRoles(c: ClauseInput): ClauseRoles {
  const { toks, from, to, actors, triggers } = c;
  const roles: ClauseRoles = { agent: null, agentHow: null, others: [], victims: [], named: actors.map(refOf) };

  // 1. Modifier agents: "Taliban-planted IED", "Taliban sniper", "Afghan forces airstrike", "US airstrike".
  for (const t of triggers) {
    if (!WEAPONISH.has(t.kind) || roles.agent) continue;
    let k = t.tokStart - 1;
    while (k >= from && (/^['"‘’“”-]$/.test(toks[k]!.low) || /^(planted|made|laid|placed|hand|suspected)$/.test(toks[k]!.low))) k--;
    if (k < from) continue;
    const m = actors.find((a) => a.tokEnd - 1 === k);
    if (m && m.cls !== 'civilians' && m.cls !== 'protesters') {
      roles.agent = refOf(m);
      roles.agentHow = 'modifier';
      break;
    }
    const country = c.countries.find((x) => x.tokEnd - 1 === k);
    if (country && t.kind !== 'clash') {
      roles.agent = stateRef('military', country.country, country.start, country.end);
      roles.agentHow = 'modifier';
      break;
    }
  }
  // 2. By-phrases after a trigger: "killed by unknown gunmen", "an attack by Taliban militants".
  if (!roles.agent) {
    for (let i = from; i < to && !roles.agent; i++) {
      if (toks[i]!.low !== 'by') continue;
      const trig = triggers.find((t) => t.tokEnd <= i && i - t.tokEnd <= 4);
      const participle = /^(planted|carried|fired|launched|conducted|carried|laid|placed|used|thrown|detonated|set)$/.test(toks[i - 1]?.low ?? '');
      if (!trig && !participle) continue;
      const m = mentionStartingIn(actors, i + 1, Math.min(to, i + 6));
      if (m && m.cls !== 'civilians') {
        roles.agent = refOf(m);
        roles.agentHow = 'by';
        break;
      }
      const country = c.countries.find((x) => x.tokStart > i && x.tokStart <= i + 3);
      if (country) {
        roles.agent = stateRef('military', country.country, country.start, country.end);
        roles.agentHow = 'by';
      }
    }
  }
  // 3. The subject of the first active verbal trigger: "Taliban militants attacked ...".
  if (!roles.agent) {
    for (const t of triggers) {
      if (!t.verbal || t.passive || OUTCOMES.has(t.kind) && t.tokStart > from && toks[t.tokStart - 1]!.low === ',') continue;
      let k = t.tokStart - 1;
      let ok = true;
      // "Troops reached X after taking Y", "fighters took the town before withdrawing": a gerund after a
      // preposition has the main clause's subject.
      const gerund = /ing$/.test(toks[t.tokStart]!.low) && /^(after|before|while|by|since|when)$/.test(toks[k]?.low ?? '');
      if (gerund) k--;
      // "Islamic State gunmen who attacked the city": the relative pronoun's antecedent acts.
      if (/^(who|that)$/.test(toks[k]?.low ?? '') && mentionAt(actors, k - 1)) k--;
      while (k >= from && ok) {
        const m = mentionAt(actors, k);
        // "Ethnic armed groups allied against Myanmar's military seized ...": an actor inside a modifier of
        // the subject ("allied against X", "backed by X", "loyal to X") is not the subject.
        // A determiner may stand between ("allied against the military").
        const p = m && /^(the|a|an|its|their)$/.test(toks[m.tokStart - 1]?.low ?? '') ? m.tokStart - 2 : (m?.tokStart ?? 0) - 1;
        if (m && /^(against|by|to|with)$/.test(toks[p]?.low ?? '') && /^(allied|backed|supported|loyal|linked|opposed|aligned|close|affiliated)$/.test(toks[p - 1]?.low ?? '')) {
          k = p - 2;
          continue;
        }
        if (m) break;
        const w = toks[k]!;
        if (BOUNDARY.has(w.low) || (w.low === ',' && !gerund && !(toks[k - 1] && /^\d/.test(toks[k - 1]!.low)))) ok = false;
        else if (w.pos === 'NUM' || w.type === 'number') ok = false;
        k--;
      }
      const m = ok && k >= from ? mentionAt(actors, k) : undefined;
      if (m && m.cls !== 'civilians') {
        roles.agent = refOf(m);
        roles.agentHow = 'subject';
        break;
      }
      // Civilians who do the violence: a community or livelihood fights as a militia ("herders attacked the
      // village"); other people are a crowd ("villagers lynched a man", "supporters of A and B clashed").
      // Stones thrown, a road blocked with burning tyres: a crowd's own violence, whoever the crowd is.
      if (m && t.kind === 'riot' && !objectOfPreposition(toks, m.tokStart)) {
        roles.crowd = refOf(m);
        break;
      }
      if (m && VIOLENT_ACTS.has(t.kind) && !objectOfPreposition(toks, m.tokStart) && activeWithObject(toks, t)) {
        const mutual = RECIPROCAL.has(t.kind) || /^(fought|fight|fighting|clashed)$/.test(toks[t.tokStart]!.low);
        const partner = toks[m.tokStart - 1]?.low === 'and' ? actors.find((a) => a.tokEnd === m.tokStart - 1 && a.tokStart >= from) : undefined;
        const weapons = armedWith(toks, m.tokEnd);
        if (m.community?.strong || (mutual && m.community && (partner?.community || partner && ARMED_CLASSES.has(partner.cls))) || (weapons && m.community)) {
          roles.agent = armedCommunity(refOf(m));
          roles.agentHow = 'subject';
        } else if (weapons || UNNAMED_PERSONS.test(toks[m.tokEnd - 1]!.low) && unnamedPerpetrators(toks, m.tokStart)) {
          // "four men attacked the police station", "individuals equipped with machetes killed a farmer":
          // people the text does not name, acting with weapons, are an unidentified armed group.
          roles.agent = { ...refOf(m), name: 'Unidentified Armed Group ({country})', inter: 3, cls: 'unidentified' };
          roles.agentHow = 'subject';
        } else roles.crowd = refOf(m);
        break;
      }
      if (t.kind !== 'surrender' && t.kind !== 'join' && !OUTCOMES.has(t.kind)) break;
    }
  }

  // "Hamas-led gunmen stormed ...", "IS-linked militants attacked ...": a generic agent led by or linked to a
  // named group is that group's men (ACLED codes the group). Not "US-backed fighters": a backer is not a side.
  if (roles.agent?.generic) {
    const m = actors.find((a) => a.start === roles.agent!.start);
    const lead = m ? leadingGroup(toks, actors, m) : undefined;
    if (lead) roles.agent = { ...refOf(lead), start: roles.agent.start, end: roles.agent.end };
  }
  // "Armenian and Azerbaijani forces exchanged fire", "Tajik and Kyrgyz border guards clashed": a
  // coordinated subject of an act two sides do to each other is both sides; the first named is actor 1.
  const agentMention = roles.agent ? actors.find((a) => a.start <= roles.agent!.start && roles.agent!.end <= a.end) : undefined;
  if (agentMention && triggers.some((t) => RECIPROCAL.has(t.kind) && t.tokStart >= agentMention.tokEnd) && toks[agentMention.tokStart - 1]?.low === 'and') {
    const first = actors.find((a) => a.tokEnd === agentMention.tokStart - 1 && a.tokStart >= from);
    const armedFirst = first && (first.cls !== 'civilians' || first.community);
    const distinct = first && (first.entry !== agentMention.entry || first.country?.code !== agentMention.country?.code || first.community?.name !== agentMention.community?.name);
    if (first && armedFirst && distinct) {
      roles.others.push(roles.agent!);
      roles.agent = armedCommunity(refOf(first));
    }
  }
  const addOther = (r: ActorRef) => {
    if (roles.others.some((o) => o.start === r.start)) return;
    roles.others.push(r);
  };
  if (triggers.some((t) => t.kind === 'clash' && COMMUNAL.test(toks[t.tokStart - 1]?.low ?? ''))) roles.communal = true;
  // 4. Partners and targets after triggers: "clashed with X", "between A and B", "attack on a check point",
  // objects of active verbs ("attacked an Afghan military post", "killed 1 policeman").
  for (const t of triggers) {
    let i = t.tokEnd;
    // "clashes broke out between A and B", "fighting erupted between A and B"
    if (t.kind === 'clash' && !t.verbal && /^(broke|erupted|occurred|flared|took|resumed|ensued)$/.test(toks[i]?.low ?? '')) {
      for (let k = i + 1; k < Math.min(to, i + 4); k++) if (toks[k]!.low === 'between') i = k;
    }
    const prep = toks[i]?.low ?? '';
    const objectVerb = t.verbal && !t.passive;
    if (['with', 'between', 'against', 'on', 'at', 'to', 'targeting', 'upon', 'into'].includes(prep) || objectVerb) {
      if (!objectVerb || ['with', 'between', 'against', 'on', 'at', 'to', 'upon'].includes(prep)) i++;
      // skip determiners, adjectives, figures
      let j = i;
      // Communities a clash is fought with or between fight as militias ("clashed with herders"); in an
      // ethnic or communal clash every side of unarmed people does.
      const communal = t.kind === 'clash' && COMMUNAL.test(toks[t.tokStart - 1]?.low ?? '');
      const side = (x: ActorMention) => (t.kind === 'clash' && (x.community || communal && x.cls === 'civilians') ? armedCommunity(communityOf(refOf(x))) : refOf(x));
      for (let n = 0; j < to && n < 8; n++, j++) {
        const m = mentionAt(actors, j);
        if (m) {
          // "between A and B", "with A and B"
          const after = toks[m.tokEnd]?.low;
          const m2 = (after === 'and' || after === ',') && (prep === 'between' || prep === 'with') ? mentionStartingIn(actors, m.tokEnd + 1, m.tokEnd + 4) : undefined;
          // Two crowds with no community between them are a mob fighting a mob, not militias.
          const both = m2 && t.kind === 'clash' && !(m.community || ARMED_CLASSES.has(m.cls)) && !(m2.community || ARMED_CLASSES.has(m2.cls));
          const s1 = both ? refOf(m) : side(m);
          addOther(s1);
          const s2 = m2 ? (both ? refOf(m2) : side(m2)) : null;
          if (s2) addOther(s2);
          if (t.kind === 'clash' && (prep === 'with' || prep === 'between')) (roles.clashSides ??= []).push(s1, ...(s2 ? [s2] : []));
          break;
        }
        const f = facilityAt(toks, j, i);
        if (f) {
          // "an Arbaki post", "positions of the SDF": the site's owner when named, else state forces.
          const owner = mentionStartingIn(actors, Math.max(i, j - 3), j) ??
            (toks[f.tokEnd]?.low === 'of' ? mentionStartingIn(actors, f.tokEnd + 1, f.tokEnd + 4) : undefined);
          if (owner && owner.cls !== 'civilians') addOther(refOf(owner));
          else addOther(stateRef(f.owner, null, toks[j]!.start, toks[f.tokEnd - 1]!.end));
          break;
        }
        const w = toks[j]!;
        if (BOUNDARY.has(w.low) || w.low === ',' || (w.pos === 'VERB' && !/(ed|ing)$/.test(w.low)) || w.low === 'in') break;
      }
    }
  }

  // 5. Victims of outcomes: passive subjects ("12 militants were killed") and active objects ("killing 3").
  const usedQ = new Set<QuantityProposal>();
  const usedM = new Set<ActorMention>();
  const subsetFrom = (i: number) => {
    for (let k = i - 1; k >= from && k >= i - 8; k--) {
      const w = toks[k]!.low;
      if (SUBSET.has(w)) return true;
      // ("nine civilians including eight farmers and one trader": the list after "including" goes on past "and".)
      if (w === ',' || OUTCOMES.has((triggers.find((t) => t.tokStart === k)?.kind) ?? 'attack')) return false;
      if (w === 'and' && !toks.slice(Math.max(from, k - 4), k).some((x) => SUBSET.has(x.low))) return false;
    }
    return false;
  };
  const groupOf = (q: QuantityProposal): ActorRef | null => {
    const m = actors.find((a) => a.tokStart >= q.tokStart && a.tokStart <= q.tokEnd + 1);
    return m ? refOf(m) : null;
  };
  let current = -1;
  const take = (lo: number, hi: number, outcome: Victim['outcome']) => {
    for (const q of c.quantities) {
      if (usedQ.has(q) || q.tokStart < lo || q.tokStart >= hi || c.inParens(q.tokStart) || subsetFrom(q.tokStart)) continue;
      usedQ.add(q);
      const group = groupOf(q);
      for (const a of actors) if (a.tokStart >= q.tokStart && a.tokEnd <= q.tokEnd + 6 && group && a.start === group.start) usedM.add(a);
      roles.victims.push({ trigger: current, tok: q.tokStart, tokEnd: q.nounEnd ?? q.tokEnd, count: conservative(q), high: q.proportion ? null : q.high, outcome, group: group ?? lastGroup() });
    }
    for (const m of actors) {
      if (usedM.has(m) || m.tokStart < lo || m.tokStart >= hi || c.inParens(m.tokStart) || subsetFrom(m.tokStart)) continue;
      if (c.quantities.some((q) => q.tokStart <= m.tokStart && m.tokStart < Math.max(q.tokEnd + 1, q.nounEnd ?? 0))) continue;
      // "12 members of the Tiv community": the group the counted dead belong to, not more dead.
      const ofAt = toks[m.tokStart - 1]?.low === 'of' ? m.tokStart - 1 : /^(the|a|an)$/.test(toks[m.tokStart - 1]?.low ?? '') && toks[m.tokStart - 2]?.low === 'of' ? m.tokStart - 2 : -1;
      if (ofAt >= 0 && c.quantities.some((q) => (q.nounEnd ?? q.tokEnd) === ofAt)) {
        usedM.add(m);
        continue;
      }
      // "a supporter of another candidate", "the brother of the village chief": a person named after "of" a
      // victim just counted is that victim's relation, not another dead.
      const ofK = toks[m.tokStart - 1]?.low === 'of' ? m.tokStart - 1 : /^(a|an|the|another|his|her|their)$/.test(toks[m.tokStart - 1]?.low ?? '') && toks[m.tokStart - 2]?.low === 'of' ? m.tokStart - 2 : -1;
      if (ofK >= 0 && roles.victims.some((v) => v.tokEnd === ofK)) continue;
      // "killed five oxen belonging to a herder": the owner of what was killed is no victim.
      if ([1, 2, 3].some((k) => /^(belonging|owned|belongs|belonged)$/.test(toks[m.tokStart - k]?.low ?? ''))) continue;
      // "a cook on a military base": a word naming a site is no victim.
      if (facilityAt(toks, m.tokEnd) || facilityAt(toks, m.tokEnd + 1)) continue;
      if (roles.agent && m.start === roles.agent.start) continue;
      // An apposition names the same person again: "1 civilian, a member of the council, and ...".
      if (roles.victims.length > 0 && appositive(toks, m)) continue;
      usedM.add(m);
      // ACLED codes "several", "many" and the like as 10 dead; a singular noun is one person.
      const unquoted = (k: number) => (QUOTED.test(toks[k]?.low ?? '') ? k - 1 : k);
      const before = unquoted(m.tokStart - 1);
      // ("killing many of the attackers": the vague word stands before "of the".)
      const ofThe = /^(the|their|its)$/.test(toks[before]?.low ?? '') && toks[before - 1]?.low === 'of' && VAGUE_PLURAL.test(toks[unquoted(before - 2)]?.low ?? '');
      // ("'a number' of the attackers": the quotes a note puts round the words change nothing.)
      const numberOf = toks[m.tokStart - 1]?.low === 'of' && toks[unquoted(m.tokStart - 2)]?.low === 'number' && toks[unquoted(m.tokStart - 2) - 1]?.low === 'a';
      const vague = ofThe || VAGUE_PLURAL.test(toks[before]?.low ?? '') || (toks[before]?.low === 'some' && toks[before - 1]?.low !== 'of') || numberOf;
      const one = vague ? VAGUE_FATALITIES : singular(toks, m) ? 1 : null;
      roles.victims.push({ trigger: current, tok: m.tokStart, tokEnd: m.tokEnd, count: one, high: vague ? null : one, outcome, group: refOf(m) });
    }
    // "killed the director of the traffic police department": one person, named by a title.
    for (let i = lo; i < hi; i++) {
      // "a district official", "a village chief": one noun may stand between the article and the title (not a
      // speaker: "..., the regional governor said").
      const det = (k: number) => /^(the|a|an|his|her|their|its|another)$/.test(toks[k]?.low ?? '');
      // ("a suspected thief", "an elderly man": a word that qualifies the person may stand there too.)
      const modified = det(i - 2) && (toks[i - 1]!.pos === 'NOUN' || QUALIFIER.test(toks[i - 1]!.low)) && !REPORTING.test(toks[i + 1]?.low ?? '') && !c.quantities.some((q) => q.tokStart <= i - 1 && i - 1 < q.tokEnd);
      if (!PERSON_HEADS.has(toks[i]!.low) || !(det(i - 1) || modified)) continue;
      // "the brother of the village chief", "mistaken for a militant", "shot by a soldier": a person named
      // after a preposition is someone else's, not another dead.
      if (/^(of|for|as|than|like|by|from|with|to|against)$/.test(toks[det(i - 1) ? i - 2 : i - 3]?.low ?? '')) continue;
      // "an escort mission", "a worker union": the word modifies the noun after it, which is no person.
      if (toks[i + 1]?.pos === 'NOUN' && /^[a-z]/.test(toks[i + 1]!.text) && !PERSON_HEADS.has(toks[i + 1]!.low)) continue;
      // "killed 8 rebels including a commander": one of the dead already counted.
      if (roles.victims.length > 0 && subsetFrom(i - 1)) continue;
      if (c.inParens(i) || actors.some((m) => m.tokStart <= i && i < m.tokEnd) || roles.victims.some((v) => v.tok <= i && i < v.tokEnd)) continue;
      if (c.quantities.some((q) => q.tokStart <= i && i < (q.nounEnd ?? q.tokEnd))) continue;
      const after = toks[i + 1]?.low;
      const of = after === 'of' ? mentionStartingIn(actors, i + 2, i + 6) : undefined;
      roles.victims.push({ trigger: current, tok: i - 1, tokEnd: i + 1, count: 1, high: 1, outcome, group: of ? refOf(of) : null });
    }
  };
  const lastGroup = (): ActorRef | null => {
    for (let k = roles.victims.length - 1; k >= 0; k--) if (roles.victims[k]!.group) return roles.victims[k]!.group;
    return null;
  };
  let lastOutcomeEnd = from;
  const outcomeTriggers = triggers.filter((t) => OUTCOMES.has(t.kind));
  for (const t of outcomeTriggers) {
    const outcome = t.kind as Victim['outcome'];
    const word = toks[t.tokStart]!.low;
    current = t.tokStart;
    // "Police put the number of dead at eight": the figure after "at" is the dead.
    if (word === 'dead' && toks[t.tokStart - 1]?.low === 'of' && /^(number|toll|count|tally)$/.test(toks[t.tokStart - 2]?.low ?? '')) {
      if (toks[t.tokEnd]?.low === 'at') take(t.tokEnd + 1, Math.min(to, t.tokEnd + 5), outcome);
      lastOutcomeEnd = t.tokEnd;
      continue;
    }
    // "the death toll has risen to 64", "a death toll of 20", "The death toll ... stands at 11": the figure follows.
    if (t.tokEnd - t.tokStart === 2 && toks[t.tokStart + 1]!.low === 'toll') {
      for (let k = t.tokEnd; k < Math.min(to, t.tokEnd + 16); k++) {
        if (/^(;|\.)$/.test(toks[k]!.low)) break;
        if (/^(to|at|of|is|was|reached|hit|passed|topped)$/.test(toks[k]!.low) && c.quantities.some((q) => q.tokStart > k && q.tokStart <= k + 4) && !(toks[k]!.low === 'at' && k === t.tokEnd)) {
          take(k + 1, Math.min(to, k + 5), outcome);
          break;
        }
      }
      lastOutcomeEnd = t.tokEnd;
      continue;
    }
    // "the bodies of 12 men", "the deaths of 3 children": the dead follow "of".
    if (/^(bodies|deaths|death|fatalities|killings|executions|execution|massacre|murder|murders|assassination|martyrs|lives|life)$/.test(word)) {
      // "protesting over the death of a woman": a death named as the cause is not this event's dead.
      // ("as reprisal for the death of a herder", "in revenge for the killing of": the cause too.)
      const cause = [toks[t.tokStart - 1]?.low, toks[t.tokStart - 2]?.low].some((w) => w && /^(over|for|following|after|against|about|mourn|mourning|protest|protesting|denounce|condemn|condemning)$/.test(w)) ||
        toks.slice(Math.max(0, t.tokStart - 5), t.tokStart).some((w) => /^(reprisals?|retaliation|retaliating|revenge|avenge|avenging)$/.test(w.low));
      if (toks[t.tokEnd]?.low === 'of' && !cause) take(t.tokEnd + 1, Math.min(to, t.tokEnd + 8), outcome);
      // "12 deaths", "Dozens of fatalities", "leaving 70 bodies", "seven martyrs", "claimed nine lives": the count
      // before the noun is the dead.
      // ("one death reported", "leading to one death": a single death counted as written.)
      else if (!cause && (/^(deaths|fatalities|bodies|martyrs|lives|life)$/.test(word) || (word === 'death' && /^(one|1|a|another)$/.test(toks[t.tokStart - 1]?.low ?? '')))) {
        const had = roles.victims.length;
        take(Math.max(lastOutcomeEnd, t.tokStart - 4), t.tokStart, outcome);
        if (word === 'death' && roles.victims.length === had && /^(one|1)$/.test(toks[t.tokStart - 1]!.low)) roles.victims.push({ trigger: current, tok: t.tokStart - 1, tokEnd: t.tokEnd, count: 1, high: 1, outcome, group: null });
      }
      lastOutcomeEnd = t.tokEnd;
      continue;
    }
    // "5 dead", "left 12 people dead": the dead come just before.
    if (word === 'dead') {
      // "seven persons were feared dead", "3 people are reported dead": the figure stands before the verb.
      let k = t.tokStart;
      while (k - 1 > lastOutcomeEnd && /^(were|was|are|is|been|feared|reported|reportedly|confirmed|presumed|believed|now)$/.test(toks[k - 1]!.low)) k--;
      take(Math.max(lastOutcomeEnd, k - (k < t.tokStart ? 6 : 4)), t.tokStart, outcome);
      lastOutcomeEnd = t.tokEnd;
      continue;
    }
    // "shot and killed", "ambushed and killed": the active verb chain before the outcome.
    const passiveLike = t.passive || ['died', 'die', 'dies'].includes(word) || t.rule.startsWith('lost|') ||
      (toks[t.tokStart - 1]?.low === 'and' && triggers.some((x) => x.tokEnd === t.tokStart - 1 && x.passive));
    if (passiveLike) {
      // The dead are the subject of the passive: back to a clause edge, a reporting verb ("The spokesman said
      // dozens of militants had been killed") or a clause joined by ", and" ("as thousands marched ..., and at
      // least five people were shot dead").
      let lo = t.tokStart - 1;
      const clauseJoin = (i: number) => toks[i]!.low === 'and' && toks[i - 1]?.low === ',' && toks.slice(lastOutcomeEnd, i).some((x) => x.pos === 'VERB');
      // "Dozens were reported killed": a reporting verb in the passive is a hedge on the outcome, not a new clause.
      const reporting = (i: number) => REPORTING.test(toks[i]!.low) && !/^(was|were|is|are|been|be|being)$/.test(toks[i - 1]?.low ?? '');
      // ", with at least 56 civilians killed": the absolute phrase after ", with" holds the dead.
      const absolute = (i: number) => toks[i]!.low === 'with' && toks[i - 1]?.low === ',';
      // "As many as eight soldiers were killed": "as" there bounds a figure, it opens no clause.
      const figureAs = (i: number) => toks[i]!.low === 'as' && (/^(many|few|much|high|low)$/.test(toks[i + 1]?.low ?? '') || /^(many|few|much|high|low)$/.test(toks[i - 1]?.low ?? ''));
      while (lo > lastOutcomeEnd && (!BOUNDARY.has(toks[lo]!.low) || figureAs(lo)) && !reporting(lo) && !clauseJoin(lo) && !absolute(lo)) lo--;
      const had = roles.victims.length;
      take(Math.max(lo, lastOutcomeEnd), t.tokStart, outcome);
      // "A human rights defender was shot and killed": a singular subject of a passive killing, whatever the
      // noun, is one dead person.
      if (roles.victims.length === had && outcome === 'kill' && t.passive) {
        let k = t.tokStart - 1;
        while (k > lastOutcomeEnd && /^(was|is|has|had|been|reportedly|allegedly|also|later|shot|stabbed|beaten|hacked|and)$/.test(toks[k]!.low)) k--;
        const head = toks[k];
        // ("Health worker assassinated overnight": a headline's bare singular subject is one dead too.)
        let bare = k === t.tokStart - 1 && t.tokStart - 1 >= from && head?.pos === 'NOUN' && !/s$/.test(head.low) && PERSON_HEADS.has(head.low);
        for (let j = k - 1; bare && j >= from; j--) if (!['NOUN', 'ADJ', 'PROPN'].includes(toks[j]!.pos)) bare = false;
        if (bare) roles.victims.push({ trigger: current, tok: from, tokEnd: k + 1, count: 1, high: 1, outcome, group: null });
        else if (head && k < t.tokStart - 1 && head.pos === 'NOUN' && /^[a-z]/.test(head.text) && !/s$/.test(head.low) && /^(was|is)$/.test(toks[k + 1]?.low ?? '')) {
          let j = k - 1;
          while (j > lastOutcomeEnd && j >= k - 3 && ['NOUN', 'ADJ', 'PROPN'].includes(toks[j]!.pos) && !/^(a|an|the)$/.test(toks[j]!.low)) j--;
          if (/^(a|an)$/.test(toks[j]?.low ?? '') && !actors.some((m) => m.tokStart <= k && k < m.tokEnd)) {
            roles.victims.push({ trigger: current, tok: j, tokEnd: k + 1, count: 1, high: 1, outcome, group: null });
          }
        }
      }
    } else if (t.verbal && /^(himself|herself)$/.test(toks[t.tokEnd + (toks[t.tokEnd]?.low === 'only' ? 1 : 0)]?.low ?? '')) {
      // "detonated his explosives, killing only himself": the bomber is the one dead (ACLED counts the bomber).
      roles.victims.push({ trigger: current, tok: t.tokEnd, tokEnd: t.tokEnd + 2, count: 1, high: 1, outcome, group: null });
    } else if (t.verbal) {
      let hi = t.tokEnd;
      while (hi < to && !BOUNDARY.has(toks[hi]!.low) && !triggers.some((x) => x.tokStart === hi && x !== t && x.verbal)) {
        const w = toks[hi]!;
        if (w.low === ',' && !(toks[hi + 1] && (/^\d/.test(toks[hi + 1]!.low) || mentionAt(actors, hi + 1) || JOIN.has(toks[hi + 1]!.low)))) break;
        if (w.pos === 'VERB' && !/(ed|ing)$/.test(w.low) && !mentionAt(actors, hi)) break;
        // "killing two soldiers and forcing thousands to flee": "and" before a verb begins another act,
        // whose object is no one's dead.
        if (w.low === 'and' && toks[hi + 1]?.pos === 'VERB' && /(ed|ing)$/.test(toks[hi + 1]!.low) && !mentionAt(actors, hi + 1)) break;
        // ("killed four residents in retaliation for the death of a herder": the cause names other dead.)
        if (/^(reprisals?|retaliation|revenge)$/.test(w.low)) break;
        // ("kill 40 fighters and rescue 300 captives": the rescued, arrested or freed are no dead, whatever the verb's form.)
        if (w.low === 'and' && OTHER_ACT.test(toks[hi + 1]?.low ?? '') && !mentionAt(actors, hi + 1)) break;
        hi++;
      }
      const had = roles.victims.length;
      take(t.tokEnd, hi, outcome);
      // "killing 'several'", "killed dozens": a vague word alone as the object is ACLED's figure for it.
      if (roles.victims.length === had && outcome === 'kill') {
        let k = t.tokEnd;
        while (QUOTED.test(toks[k]?.low ?? '')) k++;
        const w = toks[k]?.low ?? '';
        let after = k + 1;
        while (QUOTED.test(toks[after]?.low ?? '')) after++;
        const figure = BARE_VAGUE[w];
        if (figure !== undefined && k < to && !(toks[after]?.pos === 'NOUN' || toks[after]?.pos === 'PROPN' || toks[after]?.low === 'of')) {
          roles.victims.push({ trigger: current, tok: k, tokEnd: k + 1, count: figure, high: null, outcome, group: null });
        }
      }
    }
    lastOutcomeEnd = t.tokEnd;
  }
  for (const v of roles.victims) {
    if (v.group && !(roles.agent && sameActor(v.group, roles.agent) && v.group.start === roles.agent.start)) addOther(v.group);
  }
  roles.others.sort((a, b) => a.start - b.start);
  return roles;
}

/** The named armed group in "<group>-led|linked|affiliated|aligned|allied <generic noun>", if written so. */
function leadingGroup(toks: Tok[], actors: ActorMention[], m: ActorMention): ActorMention | undefined {
  const k = m.tokStart;
  if (!/^(led|linked|affiliated|aligned|allied)$/.test(toks[k - 1]?.low ?? '') || toks[k - 2]?.low !== '-') return undefined;
  const g = actors.find((a) => a.tokEnd === k - 2);
  return g && !g.generic && ['rebel', 'militia', 'identity'].includes(g.cls) ? g : undefined;
}

/** ", a member of X," or ", merchants," right after a counted noun restates who was counted. */
function appositive(toks: Tok[], m: ActorMention): boolean {
  let k = m.tokStart - 1;
  while (k >= 0 && (['a', 'an', 'the'].includes(toks[k]!.low) || toks[k]!.pos === 'ADJ')) k--;
  if (toks[k]?.low !== ',') return false;
  const before = toks[k - 1];
  return !!before && (before.pos === 'NOUN' || before.pos === 'PROPN' || before.pos === 'ADJ');
}
