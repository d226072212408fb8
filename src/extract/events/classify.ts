import type { Tok } from '../quantities/view.js';
import type { Coding } from './acled-notes.js';
import type { ClauseRoles, ActorRef, Victim } from './roles.js';
import type { Trigger, TriggerKind } from './triggers.js';
import { facilityAt } from './facilities.js';

/**
 * ACLED event type and sub-event type of a clause, from what was done, with what, and to whom. The rules
 * follow ACLED's codebook: the weapon decides among explosions/remote violence (an IED that kills soldiers
 * is a remote explosive event, not a battle); armed actors on both sides make a battle; armed against
 * unarmed is violence against civilians; a crowd makes a protest or a riot; strategic developments are the
 * non-violent rest.
 */
export interface ClauseFacts {
  toks: Tok[];
  from: number;
  to: number;
  triggers: Trigger[];
  roles: ClauseRoles;
  /** The document describes a demonstration (a protest word in the sentence, a crowd-size tag). */
  protestContext: boolean;
  /** Token i names a place (from the places layer). */
  isPlace: (i: number) => boolean;
}

export interface Classified extends Coding {
  /** The trigger the coding rests on (its evidence). */
  main: Trigger;
  /** How confident the coding is, 0..1; weak ones may be dropped when nothing else supports them. */
  strength: number;
}

const ARMED = new Set(['state', 'rebel', 'militia', 'identity', 'external', 'unidentified']);
const TERRITORY = /^(town|towns|city|cities|village|villages|district|districts|area|areas|province|provinces|region|regions|territory|territories|neighbourhood|neighbourhoods|neighborhood|neighborhoods|suburb|suburbs|hometowns|capital|county|counties|locality|localities|settlement|settlements|island|islands|hill|hills|swathes|stronghold|strongholds|valley|municipality|commune|communes|quarter|quarters|centre|center|headquarters|crossing|crossings|airport|port|bridge|dam|highway|junction|oilfield|oilfields|mine|mines)$/;
const PEOPLE = /^(civilians|hostages|prisoners|detainees|people|residents|villagers|children|women|men|captives|inmates|students|workers|soldiers|hostage|prisoner|captive)$/;
const GOODS = /^(ambulances?|vehicles?|cars?|trucks?|motorbikes?|motorcycles?|bikes?|livestock|cattle|cows|goats|sheep|camels|herds?|belongings|goods|property|properties|money|cash|phones?|food|foodstuffs?|medicines?|equipment|materials?|fuel|animals|boats?|canoes?)$/;
const WEAPONS = /^(weapons|arms|ammunition|explosives|cache|caches|rifles|guns|bombs|ieds|mines|rockets|missiles|drugs|vehicles)$/;

function near(toks: Tok[], t: Trigger, from: number, to: number, test: (w: Tok, i: number) => boolean, before = 4, after = 7): boolean {
  for (let i = Math.max(from, t.tokStart - before); i < Math.min(to, t.tokEnd + after); i++) {
    if (i >= t.tokStart && i < t.tokEnd) continue;
    if (test(toks[i]!, i)) return true;
  }
  return false;
}

/**
 * The place taken or freed: the object after an active verb ("reclaimed two more districts", "seized the
 * town"), or the subject before a passive or participle ("Two towns ... freed", "the town of X had been
 * freed"). "liberating communities, village by village" names no territory.
 */
/** Nouns for police and army operations that arrests are made in. */
const RAID_NOUN = /^(raid|raids|operation|operations|search|searches|sweep|sweeps|crackdown|swoop)$/;

/** What state forces clear of a group: its camps and hideouts are ground retaken. */
const CLEARED = /^(camps?|hideouts?|enclaves?|forests?|strongholds?|positions?|locations?|localities|bases?)$/;

function territoryArgument(toks: Tok[], t: Trigger, from: number, to: number, isPlace: (i: number) => boolean): boolean {
  const clearing = t.kind === 'regain' && /^(clear|cleared|clears|clearing|clearance)$/.test(toks[t.tokStart]!.low);
  const test = (i: number) => TERRITORY.test(toks[i]!.low) || isPlace(i) || (clearing && CLEARED.test(toks[i]!.low));
  // "a clearance operation at X", "clearing operations in the villages of X"
  if (clearing && !t.verbal) {
    for (let i = t.tokEnd; i < Math.min(to, t.tokEnd + 6); i++) {
      if (/^[;.]$/.test(toks[i]!.low)) break;
      if (test(i)) return true;
    }
    return false;
  }
  const before = t.passive || !t.verbal || /^(been|was|were)$/.test(toks[t.tokStart - 1]?.low ?? '') || /ed$/.test(toks[t.tokStart]!.low) && toks[t.tokEnd]?.pos === 'ADP';
  // "had captured the village of X" is active: its object is the territory.
  const active = !before || (t.verbal && !t.passive && /^(had|have|has)$/.test(toks[t.tokStart - 1]?.low ?? ''));
  if (active || t.kind === 'seize' && toks[t.tokEnd - 1]!.low === 'to') {
    let head = false;
    for (let i = t.tokEnd; i < Math.min(to, t.tokEnd + 7); i++) {
      if (/^[,.;]$/.test(toks[i]!.low)) break;
      // The object ends at a preposition after its noun: "a military unit in X city" took a unit, not X.
      // ("cleared the militants from X": what is cleared is X.)
      if (head && /^(in|at|near|on|outside|inside|from|during|with)$/.test(toks[i]!.low) && !(clearing && /^(from|in|at|of)$/.test(toks[i]!.low))) break;
      if (test(i)) return true;
      if (toks[i]!.pos === 'NOUN' || toks[i]!.pos === 'PROPN') head = true;
    }
  }
  if (before || toks[t.tokStart]!.low === 'fell') {
    // The thing taken is the head just before the verb group: "Two towns -- A and B -- freed",
    // "the town of X, also known as Y, had been freed"; not "a man charged in an Indiana case was captured".
    let i = t.tokStart - 1;
    while (i >= from && (/^(been|had|have|has|was|were|is|are|be|being|also|later|reportedly|finally|now|then|subsequently)$/.test(toks[i]!.low) || toks[i]!.pos === 'ADV')) i--;
    while (i >= from && /^[,\-–—]+$/.test(toks[i]!.low)) i--;
    if (i >= from && test(i)) return true;
    if (i - 2 >= from && toks[i - 1]!.low === 'of' && TERRITORY.test(toks[i - 2]!.low)) return true;
  }
  return false;
}

/** The clause's subject is a crowd (protesters, rioters, or civilians such as students or residents). */
function crowdSubject(f: ClauseFacts): boolean {
  const a = f.roles.agent;
  if (a) return a.cls === 'protesters' || a.cls === 'rioters';
  const first = f.roles.named[0];
  if (!first || !(first.cls === 'protesters' || first.cls === 'rioters' || first.cls === 'civilians')) return false;
  // named before the first verb
  const verb = f.triggers.find((t) => t.verbal);
  return !!verb && f.toks[verb.tokStart]!.start > first.start;
}

/** What a crowd can do that makes it a mob. */
const CROWD_ACTS = new Set<TriggerKind>(['attack', 'clash', 'shoot', 'kill', 'wound', 'killwound', 'torture', 'abduct', 'loot', 'sexual']);

/**
 * The sides of the clash are unarmed people (a clash of crowds, not of armed groups): those it is fought
 * with or between, else those named before it in its own clause ("supporters of A and B, both of one party,
 * clashed"; not "people in Gaza, where fighting raged").
 */
function crowdsOnly(f: ClauseFacts, clash: Trigger): boolean {
  const { roles, toks } = f;
  let sides = roles.clashSides ?? [];
  if (sides.length === 0) {
    let k = clash.tokStart - 1;
    while (k >= f.from && !CLAUSE_BOUNDARY.test(toks[k]!.low)) k--;
    const lo = toks[k + 1]?.start ?? 0;
    const hi = toks[clash.tokStart]!.start;
    sides = roles.named.filter((r) => r.start >= lo && r.end <= hi);
  }
  const crowd = (r: ActorRef) => r.cls === 'civilians' || r.cls === 'rioters' || r.cls === 'protesters';
  return sides.length > 0 && sides.every(crowd) && !roles.named.some((r) => ARMED.has(r.cls)) && !sides.some((r) => r.community?.strong);
}
const CLAUSE_BOUNDARY = /^(where|when|which|who|whom|while|after|before|because|since|as|;|:)$/;

/** Words for the armed among the dead and wounded (a soldier, the attackers); a victim of that kind makes a fight. */
const COMBATANT_HEAD = /^(soldiers?|troops?|operatives?|police(?:m[ae]n)?|officers?|gendarmes?|guards?|bodyguards?|commanders?|militants?|fighters?|insurgents?|rebels?|attackers?|assailants?|gunm[ae]n|militiam[ae]n|jihadists?|terrorists?|bandits?|agents?|personnel|recruits?|peacekeepers?)$/;

function combatant(toks: Tok[], v: Victim): boolean {
  if (v.group) return ARMED.has(v.group.cls);
  for (let i = v.tok; i < v.tokEnd; i++) if (COMBATANT_HEAD.test(toks[i]!.low)) return true;
  return false;
}

/** A victim who is a person and not a combatant: civilians, or a person named by a title or a noun. */
function personVictim(toks: Tok[], v: Victim): boolean {
  if (v.group) return v.group.cls === 'civilians';
  for (let i = v.tok; i < v.tokEnd; i++) if (PERSON_NOUN.test(toks[i]!.low)) return true;
  return false;
}
const PERSON_NOUN = /^(people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|residents?|villagers?|civilians?|individuals?|head|director|chief|official|mayor|judge|headmaster|principal|driver|deputy|leader|member|employee|administrator|lawmaker|senator|minister|prosecutor|mps?|aspirants?|candidates?|politicians?|councill?ors?|councilm[ae]n|activists?|journalists?|reporters?|students?|pupils?|workers?|traders?|merchants?|vendors?|businessm[ae]n|farmers?|herders?|herdsm[ae]n|pastoralists?|youths?|teachers?|nurses?|doctors?|engineers?|fisherm[ae]n|marabouts?|imams?|pastors?|priests?|clerics?|catechists?|thie(?:f|ves)|robbers?|dealers?|chiefs?|elders?|notables?|charlatans?|trackers?|motorcyclists?|passengers?|patients?)$/;

/** Places where civilians live and work, attacked with no armed defender named. */
const CIVILIAN_SITE = /^(villages?|hamlets?|localit(?:y|ies)|settlements?|camps?|farms?|farmlands?|fields?|markets?|shops?|stores?|homes?|houses?|compounds?|residences?|church(?:es)?|mosques?|schools?|hospitals?|clinics?|buses|bus|passengers?|travell?ers|restaurants?|hotels?|bars?|mines?|mining|site|wells?)$/;

/** The act's object is a village, a civilian site or a named place (not a military or police site). */
function civilianPlace(toks: Tok[], t: Trigger, from: number, to: number, isPlace: (i: number) => boolean): boolean {
  if (!t.verbal && t.kind === 'attack') {
    // "an attack on the village of X"
    if (!/^(on|in|against)$/.test(toks[t.tokEnd]?.low ?? '')) return false;
  }
  for (let i = t.tokEnd; i < Math.min(to, t.tokEnd + 6); i++) {
    const w = toks[i]!;
    if (/^[,.;]$/.test(w.low) || (w.pos === 'VERB' && !/ed$/.test(w.low))) break;
    if (facilityAt(toks, i, t.tokEnd)) return false;
    if (CIVILIAN_SITE.test(w.low) || isPlace(i)) return true;
  }
  void from;
  return false;
}

/** What a crowd fights with: hands, sticks, rods, stones (not guns or machetes, which armed groups carry too). */
const BLUNT = /\b(?:sticks?|iron rods?|rods|hammers?|bricks?|brickbats?|stones?|rocks?|bamboo|clubs|batons?|fists?|fist ?fights?|brawl|hockey sticks?|sharp weapons|local weapons)\b/;
const FIREARMS = /\b(?:guns?|gunfire|gunshots?|firearms?|rifles?|pistols?|shot|shooting|bullets?|opened fire|fired)\b/;
/** Words that make an arrest after them what a protest is about. */
const CAUSE_BEFORE = /\b(?:demand\w*|release|reaction|response|condemn\w*|denounc\w*|justice)\b/;
const CAUSE_NEAR = /\b(?:against|over|following|after|since|who|of)\b/;

/** People named by their affiliation ("members of", "supporters of", "activists of"). */
const PARTISANS = /\b(?:members?|supporters?|activists?|cadres?|followers?|loyalists?|partisans?) (?:of|from|belonging to|loyal to)\b|\b(?:party|political) (?:supporters|members|activists|youths)\b/;
const mentionsCommunities = (text: string) => /\b(?:communit(?:y|ies)|ethnic|clans?|tribes?|communal)\b/.test(text);

/** A killing or a fight: what makes weapons seized beside it spoils rather than a strategic development. */
const FIGHT_KINDS = new Set<TriggerKind>(['kill', 'killwound', 'clash', 'shoot', 'wound']);

/** Verbs that tell people put out of action, dead or not ("neutralised ten militants", "eliminated the attackers"). */
const NEUTRALISED = /^(neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating)$/;

/** Unnamed men described by their weapons are armed men, not a crowd. */
const GUNMEN = /\b(?:gunm[ae]n|armed men|militants?|insurgents?|jihadists?|terrorists?|bandits?|fighters?|rebels?)\b/;

/** An assault or gunfire told after a blast (GROUND_ASSAULT and TWO_WAY both read it). */
const AFTER_BLAST = String.raw`complex (?:attack|ambush)|followed by (?:an? )?(?:armed |ground )?(?:assault|attack|gunfire|gun fire|shooting|clashes|fighting)|armed assault`;

/**
 * Words that tell an armed assault or gunfire after a blast or a barrage, in the same clause: the attack is
 * fought on the ground (ACLED: a battle), "complex attack", "followed by gunfire", "(IED + armed assault)",
 * "the militants then opened fire", "attempted to breach the camp".
 */
const GROUND_ASSAULT = new RegExp(String.raw`\b(?:${AFTER_BLAST}|\+ (?:armed assault|gunfire|gun fire|small arms(?: fire)?|shooting)|(?:then|also|subsequently|later) (?:\w+ ){0,8}?opened fire|(?:breach|storm)(?:ed|ing)? the (?:\w+ )?(?:camp|base|post|perimeter|compound|barracks))\b`);
/** Words that tell fire went both ways or an assault followed the blast. */
const TWO_WAY = new RegExp(String.raw`\b(?:${AFTER_BLAST}|exchange of fire|exchanged fire|returned fire|fought back|repelled|repulsed|fended off|gun ?battle|firefight|fire ?fight)\b`);

/** People who gather as a crowd, not as an organised or armed group (farmers and herders fight as communities). */
const CROWD_WORD = /\b(?:squatters|residents|villagers|locals|youths?|students|pupils|interns|traders|vendors|hawkers|drivers|workers|worshippers|supporters|crowds?|mob)\b/;
/** What a crowd throws or swings at the police (not batons, which the police carry). */
const THROWN = /\b(?:stones?|stoned|stoning|rocks?|bricks?|brickbats?|bottles|sticks|iron rods?|clubs)\b/;
/** Arms a crowd does not carry: their mention makes the fight an armed one. */
const HEAVY_ARMS = /\b(?:armed|guns?|gunfire|gunshots?|rifles?|firearms?|pistols?|ak-?47s?|machetes?|axes?|cutlass(?:es)?)\b/;

/** Nouns that name people as a crowd, not as an organised group. */
const CROWD_HEAD = /^(group|crowd|number|rivals|youths|locals|villagers|residents|people|neighbou?rs|relatives|onlookers|passers-by|bystanders|inhabitants)$/;

/**
 * The clause's acting subject, before its first verb of violence, is a crowd ("a group", "a number of youths",
 * "rivals", "villagers"): the words from the clause's start, or its last comma, up to that verb.
 */
function unorganisedSubject(toks: Tok[], from: number, triggers: Trigger[]): boolean {
  const verb = triggers.find((t) => t.verbal && !t.passive);
  if (!verb) return false;
  let a = verb.tokStart - 1;
  while (a >= from && toks[a]!.low !== ',' && toks[a]!.low !== ';') a--;
  const words = toks.slice(a + 1, verb.tokStart);
  if (words.length === 0 || words.length > 8) return false;
  // The head is the first crowd noun, not a place named after it ("villagers in X").
  const head = words.findIndex((w) => CROWD_HEAD.test(w.low));
  if (head < 0) return false;
  // "A separate group", "another group", "the same group": a group the story has already named, often the
  // armed one of the sentence before ("gunmen stormed a checkpoint; a separate group attacked a power station").
  if (words.slice(0, head).some((w) => /^(separate|another|other|second|third|same|further|second)$/.test(w.low))) return false;
  if (words[head]!.low === 'group' || words[head]!.low === 'number') {
    // "a group of gunmen", "a number of soldiers" are what follows "of".
    const of = words[head + 1]?.low === 'of' ? words[head + 2] : undefined;
    if (of && !CROWD_HEAD.test(of.low) && !/^(youths?|men|women|persons|individuals|students|pupils|traders|farmers|workers|supporters|locals|villagers|residents)$/.test(of.low)) return false;
  }
  return words.slice(0, head).every((w) => /^(a|an|the|some|several|angry|irate|local|two|rival|of)$/.test(w.low) || w.pos === 'ADJ' || w.pos === 'NUM');
}

/** One person named by a livelihood or a bond, not by arms: "a farmer", "a Fulani pastoralist", "a neighbour". */
const LONE_PERSON = /^(farmer|pastoralist|herder|herdsman|villager|resident|youth|student|trader|driver|neighbou?r|relative|husband|wife|brother|father|son|fisherman|hunter)$/;

/**
 * The clause's acting subject is one person named by a livelihood or a bond ("a farmer killed a pastoralist",
 * "a pastoralist attacked two people with his machete"): no organised group, so ACLED codes the act as mob
 * violence by rioters, not an identity militia's attack.
 */
function loneSubject(toks: Tok[], from: number, triggers: Trigger[]): boolean {
  const verb = triggers.find((t) => t.verbal && !t.passive);
  if (!verb) return false;
  let a = verb.tokStart - 1;
  while (a >= from && toks[a]!.low !== ',' && toks[a]!.low !== ';') a--;
  const words = toks.slice(a + 1, verb.tokStart);
  if (words.length < 2 || words.length > 4 || !/^(a|an)$/.test(words[0]!.low)) return false;
  const head = words[words.length - 1]!;
  return LONE_PERSON.test(head.low) && words.slice(1, -1).every((w) => w.pos === 'ADJ' || w.pos === 'PROPN' || /^[A-Z]/.test(w.text));
}

/** Verbs of forces that shoot or stop a person: "shot a suicide bomber", "intercepted two would-be bombers". */
const STOP_VERB = /^(shot|shoots?|shooting|gunned|guns?|gunning|killed|kills?|killing|neutrali[sz]ed|neutrali[sz]es?|intercepted|intercepts?|stopped|stops?|halted|halts?|averted|averts?|foiled|foils?|foil|thwarted|thwarts?|arrested|arrests?|apprehended|eliminated)$/;

/**
 * A suicide bomber who is the object of a verb of shooting or stopping ("a sniper shoots a suspected suicide
 * bomber", "soldiers gun down three suicide bombers", "foil a suicide attempt"): the bomber is who was shot, not
 * how anyone was attacked (ACLED codes forces firing on a bomber as their clash with the bomber's group).
 */
function bomberStopped(toks: Tok[], from: number, t: Trigger): boolean {
  if (t.kind !== 'suicide' || !/^(bombers?|attackers?|bomb|attempt|attempts)$/.test(toks[t.tokEnd - 1]?.low ?? '') && !/^suicide$/.test(toks[t.tokStart]!.low)) return false;
  for (let k = t.tokStart - 1, n = 0; k >= from && n < 6; k--, n++) {
    const w = toks[k]!;
    if (STOP_VERB.test(w.low) || (w.low === 'down' && /^(gun|guns|gunned|gunning)$/.test(toks[k - 1]?.low ?? ''))) return true;
    if (!(/^(a|an|the|two|three|four|five|suspected|alleged|would-be|would|be|-|female|male|young|teenage|potential|\d+)$/.test(w.low) || w.pos === 'ADJ' || w.pos === 'PROPN' || w.pos === 'NUM')) return false;
  }
  return false;
}

function has(ts: Trigger[], k: TriggerKind): Trigger | undefined {
  return ts.find((t) => t.kind === k);
}

function armed(r: ActorRef | null | undefined): boolean {
  return !!r && ARMED.has(r.cls);
}

export function classify(f: ClauseFacts): Classified | null {
  const { toks, from, to, roles } = f;
  // A weapon word inside a victim ("shot and killed a suicide bomber") is who died, not how.
  // So is one the parse names as the patient of a violent act ("a sniper shot a suspected suicide bomber").
  const patientWord = (t: Trigger) => t.kind === 'suicide' && (roles.patientHeads ?? []).some((i) => i >= t.tokStart && i < t.tokEnd && /^bombers?$/.test(toks[i]!.low));
  const triggers = f.triggers.filter((t) => !((['suicide', 'ied', 'grenade'].includes(t.kind) && roles.victims.some((v) => v.tok <= t.tokStart && t.tokStart < v.tokEnd)) || patientWord(t) || bomberStopped(toks, from, t)));
  if (triggers.length === 0) return null;
  const pick = (type: Coding['type'], subType: string, main: Trigger, strength = 1): Classified => ({ type, subType, main, strength });
  const others = roles.others;
  const agent = roles.agent;
  const victims = roles.victims;
  const civiliansHit = others.some((o) => o.cls === 'civilians') && !others.some((o) => armed(o) && !(agent && o.start === agent.start));
  const armedTarget = others.some((o) => armed(o) && !(agent && o.start === agent.start && o.name === agent.name));
  const protesterTarget = others.some((o) => o.cls === 'protesters');

  // Demonstrations come first: a crowd's acts are protests or riots, whatever words of violence appear.
  // A crowd "gathered" protests only in a note about a crowd or with a demand ("to demand", "against").
  // Vandalism and ransacking are a crowd's riot, not an armed group's: "militants ransacked the police
  // station" is their attack (or property destruction), told below; nor is a road they block a protest.
  const armedActor = !!agent && ARMED.has(agent.cls) && !roles.crowd && !triggers.some((t) => t.kind === 'protest' && !t.rule.startsWith('gathered') && !t.rule.startsWith('blocked'));
  const demand = /\b(?:to (?:demand|protest|denounce|condemn|call|express|show|reject|oppose|press|mark|commemorate)|against|calling for|in support of|in solidarity)\b/i;
  const clauseText = toks.slice(from, to).map((t) => t.low).join(' ');
  const protest = triggers.find((t) => t.kind === 'protest' && !(t.rule.startsWith('blocked') && armedActor) && (!t.rule.startsWith('gathered') ||
    ((f.protestContext || demand.test(clauseText)) && !(agent && ARMED.has(agent.cls)) && !roles.named.some((r) => ARMED.has(r.cls) && r.start < toks[t.tokStart]!.start))));
  const riot = triggers.find((t) => t.kind === 'riot' && !(armedActor && !/^riot/.test(toks[t.tokStart]!.low)));
  const mob = has(triggers, 'mob') ?? (agent?.cls === 'rioters' && /mob/i.test(agent.name) ? triggers[0] : undefined);
  const weapon = triggers.find((t) => ['ied', 'suicide', 'air', 'grenade'].includes(t.kind));
  if (mob && !weapon) return pick('Riots', 'Mob violence', mob);
  if ((protest || riot || (f.protestContext && has(triggers, 'intervene'))) && !weapon) {
    const main = protest ?? riot ?? triggers[0]!;
    const killedProtesters = victims.some((v) => (v.outcome === 'kill' || v.outcome === 'wound') && v.group?.cls === 'protesters') ||
      (protesterTarget && (has(triggers, 'kill') || has(triggers, 'shoot')) && agent?.cls === 'state');
    if (killedProtesters && (agent?.cls === 'state' || has(triggers, 'intervene'))) return pick('Protests', 'Excessive force against protesters', main);
    // The crowd's own violence makes a riot: "students clashed with police", "protesters stormed the office".
    const crowdFirst = crowdSubject(f) || !!roles.crowd;
    // "violent protests", "protested violently", "the protest turned violent": the words say it.
    const saidViolent = /\b(?:violent(?:ly)?|turned violent|became violent|degenerated)\b/.test(clauseText);
    // A clash during a demonstration, with the police or between rival crowds, is the crowd's violence
    // ("clashed with police", "members of two parties clashed during the rally"), whoever started it.
    const clashing = has(triggers, 'clash') && !(agent && ARMED.has(agent.cls) && agent.cls !== 'state' && !protest);
    // (Its own blows count as told actively: "the protesters stoned a police car", not "protesters were beaten".)
    // The crowd must be who strikes: named right before the verb ("the protesters then beat a policeman"), not
    // "a boy killed by a stray bullet" or "security forces killed 7 of them".
    const crowdRef = agent && (agent.cls === 'protesters' || agent.cls === 'rioters') ? agent : roles.crowd ?? null;
    const crowdBlows = !!crowdRef && triggers.some((t) => ['kill', 'wound', 'torture', 'shoot'].includes(t.kind) && t.verbal && !t.passive && toks[t.tokEnd]?.low !== 'by' &&
      toks[t.tokStart]!.start > crowdRef.end && toks.slice(from, t.tokStart).filter((w) => w.start >= crowdRef.end).every((w) => w.pos === 'ADV' || w.pos === 'AUX'));
    const violentCrowd = riot || saidViolent || clashing || (crowdFirst && (has(triggers, 'attack') || has(triggers, 'loot') || has(triggers, 'sexual') || crowdBlows));
    if (violentCrowd) return pick('Riots', 'Violent demonstration', main);
    // An arrest the crowd protests about ("demanding the release of detained students", "in reaction to the
    // arrest of their chief") is the protest's cause, not the police's answer to it.
    const before = (t: Trigger, n: number) => toks.slice(Math.max(from, t.tokStart - n), t.tokStart).map((x) => x.low).join(' ').split(/[;:]/).pop()!;
    const arrestOfCrowd = triggers.find((t) => t.kind === 'arrest' && !CAUSE_BEFORE.test(before(t, 8)) && !CAUSE_NEAR.test(before(t, 3)));
    if (has(triggers, 'intervene') || (arrestOfCrowd && protest)) {
      return pick('Protests', 'Protest with intervention', main);
    }
    if (killedProtesters) return pick('Protests', 'Excessive force against protesters', main);
    return pick('Protests', 'Peaceful protest', main, protest && !protest.verbal && !f.protestContext ? 0.5 : 1);
  }

  // Fire in both directions is a battle, even when a bomb or a rocket opens it (ACLED: "Battle or E/RV?"): a
  // "complex attack", a blast "followed by an armed assault", an attack "repelled", on forces or their post.
  // (A phrase that itself tells the assault or the gunfire after the blast needs no other act word: "IED attack
  // followed by gunfire", "a complex attack (IED + gunfire)", "launched mortar shells ... then opened fire".)
  const groundAssault = GROUND_ASSAULT.test(clauseText);
  const twoWay = (TWO_WAY.test(clauseText) && (has(triggers, 'attack') || has(triggers, 'clash') || has(triggers, 'shoot'))) || groundAssault;
  const onForces = others.some((o) => armed(o) && !(agent && o.start === agent.start && o.name === agent.name)) ||
    triggers.some((t) => (t.kind === 'attack' || t.kind === 'clash') && near(toks, t, from, to, (_w, i) => !!facilityAt(toks, i, t.tokEnd), 0, 6)) ||
    (groundAssault && (toks.slice(from, to).some((_w, i) => !!facilityAt(toks, from + i)) || !civiliansHit));
  const weaponUsed = triggers.find((t) => ['ied', 'suicide', 'shell', 'grenade', 'bomb'].includes(t.kind));
  if (twoWay && onForces && weaponUsed && !has(triggers, 'air')) {
    return pick('Battles', 'Armed clash', has(triggers, 'attack') ?? has(triggers, 'clash') ?? weaponUsed);
  }
  // Weapons that were not used as meant: defused, found, exploded early.
  // Weapons seized, or an attack foiled, in a clause that also kills or fights are that fight's spoils or its
  // end ("killed 20 bandits and recovered 12 rifles", "thwarted an attack and killed ten militants"): the
  // violence is the event (ACLED: SD is non-violent). A bomb defused or gone off early stays what it is.
  // ("thwarted an attack and neutralised ten militants": forces putting the attackers out of action engaged them,
  // whether or not the word says they died; "neutralised an explosive device" is a defusal, not a fight.)
  const neutralised = toks.slice(from, to).some((w, i) => NEUTRALISED.test(w.low) && !triggers.some((t) => t.kind === 'defuse' && t.tokStart === from + i));
  const foiled = triggers.find((t) => t.kind === 'defuse' && /^foiled|^thwarted/.test(t.rule));
  if (foiled && neutralised && !triggers.some((t) => FIGHT_KINDS.has(t.kind))) return pick('Battles', 'Armed clash', foiled);
  const fightHere = triggers.some((t) => FIGHT_KINDS.has(t.kind) && !(t.kind === 'wound' && t.passive));
  const defuse = triggers.find((t) => t.kind === 'defuse' && !(fightHere && (t.rule === 'seize ... weapons' || /^foiled|^thwarted/.test(t.rule))));
  if (defuse) return pick('Strategic developments', 'Disrupted weapons use', defuse);
  const suicide = has(triggers, 'suicide');
  if (suicide) return pick('Explosions/Remote violence', 'Suicide bomb', suicide);
  const ied = has(triggers, 'ied');
  if (ied) return pick('Explosions/Remote violence', 'Remote explosive/landmine/IED', ied);
  const air = has(triggers, 'air');
  if (air) return pick('Explosions/Remote violence', 'Air/drone strike', air, air.rule.startsWith('warplane') && triggers.length === 1 ? 0.4 : 1);
  const grenade = has(triggers, 'grenade');
  if (grenade) return pick('Explosions/Remote violence', 'Grenade', grenade);
  const shell = has(triggers, 'shell');
  const clash = has(triggers, 'clash');
  const attack = has(triggers, 'attack');
  const attackOnSite = attack && near(toks, attack, from, to, (_w, i) => !!facilityAt(toks, i, attack.tokEnd), 0, 6);
  if (shell && !clash && !attackOnSite) {
    return pick('Explosions/Remote violence', 'Shelling/artillery/missile attack', shell);
  }
  const bomb = has(triggers, 'bomb');
  if (bomb && !clash && !attackOnSite) return pick('Explosions/Remote violence', 'Remote explosive/landmine/IED', bomb, bomb.verbal ? 1 : 0.8);

  // Territory.
  const regain = has(triggers, 'regain');
  const withdraw = has(triggers, 'withdraw');
  const territorial = (t: Trigger) => territoryArgument(toks, t, from, to, f.isPlace);
  const site = (t: Trigger) => near(toks, t, from, to, (_w, i) => !!facilityAt(toks, i, t.tokEnd), 0, 6);
  const people = (t: Trigger) => near(toks, t, from, to, (w) => PEOPLE.test(w.low), 0, 5);
  const weapons = (t: Trigger) => near(toks, t, from, to, (w) => WEAPONS.test(w.low), 0, 5);
  const peaceful = toks.slice(from, to).some((w, k, arr) => (w.low === 'without' && /^(a|any)$/.test(arr[k + 1]?.low ?? '') && /^(fight|shot|resistance|clash|clashes|battle)$/.test(arr[k + 2]?.low ?? '')) || /^(unopposed|peacefully)$/.test(w.low));
  // "The rebels seized Goma in 2012 before withdrawing": a withdrawal told as what followed a capture is the
  // capture's aftermath; the capture is the event.
  const afterCapture = !!withdraw && /^(before|then|later)$/.test(toks[withdraw.tokStart - 1]?.low ?? '') &&
    triggers.some((t) => (t.kind === 'seize' || t.kind === 'regain') && t.verbal && t.tokStart < withdraw.tokStart);
  if (withdraw && !afterCapture && (peaceful || !has(triggers, 'clash') && !has(triggers, 'attack') && !has(triggers, 'kill'))) {
    return pick('Strategic developments', 'Non-violent transfer of territory', withdraw, territorial(withdraw) ? 1 : 0.6);
  }
  const territoryMoves = triggers.filter((t) => t.kind === 'regain' || t.kind === 'seize' || (t.kind === 'attack' && /^overt/.test(toks[t.tokStart]!.low)));
  // A town taken counts over a post overrun on the way ("overran a base ... and took control of the town").
  // "fell to X" needs an X that fights ("Barrow County fell to 18th place" is no conquest).
  const taken = territoryMoves.find((t) => territorial(t) && (!/^(fell|fall)$/.test(toks[t.tokStart]!.low) || roles.named.some((r) => ARMED.has(r.cls))));
  if (taken) {
    if (peaceful) return pick('Strategic developments', 'Non-violent transfer of territory', taken);
    const nonState = agent && (agent.cls === 'rebel' || agent.cls === 'militia' || agent.cls === 'identity' || agent.cls === 'unidentified');
    // A "clearance operation" that kills villagers and no armed group is an attack on civilians.
    const civiliansOnly = victims.length > 0 && victims.every((v) => personVictim(toks, v)) && !roles.named.some((r) => ARMED.has(r.cls) && r.cls !== 'state');
    if (taken.kind === 'regain' && civiliansOnly && agent?.cls === 'state') return pick('Violence against civilians', 'Attack', taken);
    if (taken.kind === 'regain') return pick('Battles', nonState ? 'Non-state actor overtakes territory' : 'Government regains territory', taken);
    return pick('Battles', agent?.cls === 'state' ? 'Government regains territory' : 'Non-state actor overtakes territory', taken);
  }
  // Weapons seized or people freed in the same clause as a killing or a fight are that fight's spoils
  // ("killed 20 bandits and recovered 12 rifles"): the violence is the event (ACLED: SD is non-violent).
  const fought = triggers.some((t) => FIGHT_KINDS.has(t.kind));
  for (const t of territoryMoves) {
    if (weapons(t) && !fought) return pick('Strategic developments', 'Disrupted weapons use', t);
    if (t.kind === 'regain' && people(t) && !fought) return pick('Strategic developments', 'Other', t);
    if (site(t)) return pick('Battles', 'Armed clash', t);
  }
  // Goods, vehicles or livestock seized with nobody hurt or fighting: looting ("seized an ambulance").
  const seizedGoods = territoryMoves.find((t) => t.kind === 'seize' && t.verbal && !t.passive && near(toks, t, from, to, (w) => GOODS.test(w.low), 0, 5));
  if (seizedGoods && !has(triggers, 'clash') && !has(triggers, 'kill') && !has(triggers, 'shoot') && !has(triggers, 'attack') && !has(triggers, 'abduct') && !has(triggers, 'torture') && !roles.victims.length) {
    return pick('Strategic developments', 'Looting/property destruction', seizedGoods, 0.9);
  }

  // Burning and looting with nobody hurt and nobody fighting back is property destruction.
  const lootOnly = has(triggers, 'loot');
  // A raid that burns houses is their destruction; an attack told with it is an attack ("attacked the
  // neighbourhood, setting fire to homes").
  const attackWord = attack && !RAID_NOUN.test(toks[attack.tokStart]!.low) && !/^raid/.test(toks[attack.tokStart]!.low);
  if (lootOnly && !roles.victims.length && !armedTarget && !has(triggers, 'clash') && !has(triggers, 'shoot') && !has(triggers, 'kill') && !attackWord && !has(triggers, 'abduct') && !has(triggers, 'torture')) {
    return pick('Strategic developments', 'Looting/property destruction', lootOnly);
  }

  // Unorganised people doing the violence themselves are a mob (ACLED: Riots/Mob violence), in a
  // demonstration a violent one: "villagers lynched a suspected thief", "youths attacked voters",
  // "supporters of two candidates clashed". Communities that fight as militias were made agents in roles.ts.
  const crowdViolence = roles.crowd && !agent ? triggers.find((t) => CROWD_ACTS.has(t.kind)) : undefined;
  if (crowdViolence) return pick('Riots', f.protestContext ? 'Violent demonstration' : 'Mob violence', crowdViolence);
  const brawl = has(triggers, 'clash');
  // ("a clash between the A and B communities", "between two ethnic groups" is fought by identity militias.)
  if (brawl && !agent && crowdsOnly(f, brawl) && !mentionsCommunities(clauseText)) return pick('Riots', f.protestContext ? 'Violent demonstration' : 'Mob violence', brawl);

  const abduct = has(triggers, 'abduct');
  const kill = has(triggers, 'kill') ?? has(triggers, 'killwound');
  const wound = has(triggers, 'wound');
  const shoot = has(triggers, 'shoot');
  const sexual = has(triggers, 'sexual');
  const torture = has(triggers, 'torture');
  if (sexual) return pick('Violence against civilians', 'Sexual violence', sexual);
  // "Police arrested 12 activists during a raid on the party offices": a raid or sweep told as the way
  // arrests were made, with nobody hurt, is the arrests (ACLED: Arrests), not an attack.
  const arrested = has(triggers, 'arrest');
  if (arrested?.verbal && attack && !attack.verbal && RAID_NOUN.test(toks[attack.tokStart]!.low) && !kill && !wound && !shoot && !clash && !torture) {
    return pick('Strategic developments', 'Arrests', arrested);
  }
  const violent = clash ?? attack ?? shoot ?? kill ?? wound ?? torture ?? abduct ?? (shell ? shell : undefined) ?? (bomb ? bomb : undefined);
  if (violent) {
    const main = clash ?? attack ?? shoot ?? kill ?? wound ?? torture ?? abduct ?? violent;
    // A spontaneous crowd or vigilantes, not an organised group, make mob violence (ACLED: "Attack or Mob
    // violence?"): a lynching, or people beaten with sticks, rods or stones by people no armed group is
    // named for ("a mob lynched a suspected thief", "rivals assaulted a farmer with iron rods").
    const lynching = kill && /^lynch/.test(toks[kill.tokStart]!.low);
    const organised = !!agent && armed(agent) && !(agent.cls === 'unidentified' && agent.generic && !GUNMEN.test(f.toks.slice(from, to).map((t) => t.low).join(' ')));
    const bareHands = BLUNT.test(clauseText) && !shoot && !FIREARMS.test(clauseText);
    // So are people named only as a crowd ("a group beat up a suspected thief", "a number of youths assaulted",
    // "rivals killed a farmer", "villagers wounded two suspects") when no firearm is told and no armed group named.
    const crowdWords = unorganisedSubject(toks, from, triggers);
    const crowdActs = crowdWords && !FIREARMS.test(clauseText) && !GUNMEN.test(clauseText) && !/\b(?:armed|abduct\w*|kidnap\w*)\b/.test(clauseText);
    if ((lynching || bareHands || crowdActs) && !shell && !bomb && !organised && !roles.named.some((r) => armed(r) && !r.generic)) {
      return pick('Riots', f.protestContext ? 'Violent demonstration' : 'Mob violence', main, 0.9);
    }
    // One person of a community or a livelihood who kills or wounds with no firearm ("a farmer killed a
    // pastoralist with a machete"): mob violence, whatever community the words name.
    const lone = loneSubject(toks, from, triggers) && !FIREARMS.test(clauseText) && !GUNMEN.test(clauseText) && !/\b(?:armed|abduct\w*|kidnap\w*|hostages?)\b/.test(clauseText);
    if (lone && !shell && !bomb && (!agent || agent.community || agent.cls === 'civilians' || agent.cls === 'identity') && !roles.named.some((r) => armed(r) && !r.generic && !r.community)) {
      return pick('Riots', f.protestContext ? 'Violent demonstration' : 'Mob violence', main, 0.9);
    }
    // Rule "partisans-are-rioters": members or supporters of a party, a union or a faction who fight or beat
    // people with no firearm and no named armed group are a crowd (ACLED codes them rioters), not an
    // armed group: "members of the youth wing assaulted two students", "supporters of two candidates clashed
    // with police". Communities fighting as militias and state forces acting are not.
    const actingSide = toks.slice(from, main.tokStart).map((t) => t.low).join(' ');
    const partisans = PARTISANS.test(actingSide) && !FIREARMS.test(clauseText) && !GUNMEN.test(clauseText) && !/\b(?:armed|axes?|machetes?|kidnapp\w*|abduct\w*)\b/.test(clauseText) &&
      !shell && !bomb && !weapon && !armedTarget && !victims.some((v) => combatant(toks, v));
    if (partisans && !(agent && (agent.cls === 'state' || agent.cls === 'external' || agent.community || (armed(agent) && !agent.generic))) &&
      !roles.named.some((r) => (armed(r) && !r.generic) || r.community) && !mentionsCommunities(clauseText)) {
      return pick('Riots', f.protestContext ? 'Violent demonstration' : 'Mob violence', main, 0.9);
    }
    // Rule "crowd-fights-police": people who are no armed group (squatters, residents, students, members of a
    // party) fighting state forces with stones, bricks or sticks are a crowd, not an armed group (ACLED: Riots),
    // whoever struck first: "squatters clashed with police, throwing stones", "members of the party and the
    // police clashed using brickbats", "supporters of the chairman assaulted police officers with bricks".
    // (State forces that beat people are attackers, not a side of a riot: the crowd must strike or fight back.)
    const stateSide = agent?.cls === 'state' ? main.kind === 'clash' : others.some((o) => o.cls === 'state');
    if (stateSide) {
      // (The whole sentence is read only here: this runs for every violent clause.)
      const sentence = toks.map((t) => t.low).join(' ');
      const crowdSide = !!roles.crowd || PARTISANS.test(sentence) || roles.named.some((r) => r.cls === 'civilians' && !r.community) || CROWD_WORD.test(clauseText);
      if (crowdSide && THROWN.test(sentence) && !HEAVY_ARMS.test(sentence) && !GUNMEN.test(sentence) && !shell && !bomb && !weapon &&
        !roles.named.some((r) => (armed(r) && r.cls !== 'state') || r.community) && !mentionsCommunities(sentence)) {
        return pick('Riots', f.protestContext ? 'Violent demonstration' : 'Mob violence', main, 0.9);
      }
    }
    // Armed men against armed men is a battle, even when civilians die in the crossfire.
    if (clash || shell || bomb) {
      const nobody = !agent && others.length === 0 && roles.named.length === 0 && !victims.length;
      return pick('Battles', 'Armed clash', main, nobody && !main.verbal ? 0.4 : 1);
    }
    // Executions, massacres and lynchings are of captives and civilians unless the text says otherwise.
    const execution = kill && /^(execut|behead|massacr|lynch|slaughter)/.test(toks[kill.tokStart]!.low);
    if (execution && !armedTarget) return pick('Violence against civilians', 'Attack', kill, 0.9);
    if (armedTarget || site(main)) return pick('Battles', 'Armed clash', main);
    if (abduct && !kill && (civiliansHit || others.length === 0)) return pick('Violence against civilians', 'Abduction/forced disappearance', abduct);
    if (civiliansHit) {
      if (agent && (agent.cls === 'rioters' || agent.cls === 'protesters')) return pick('Riots', 'Mob violence', main);
      return pick('Violence against civilians', 'Attack', main);
    }
    // The parse's patient names a person ("a lawmaker was shot at", "assaulted two traders"), none armed.
    // Read only when a rule below needs it: the patient's words may cost the sentence's parse.
    const personPatient = (): boolean => {
      const patients = roles.patientHeads ?? [];
      return patients.some((i) => PERSON_NOUN.test(toks[i]!.low)) && !patients.some((i) => COMBATANT_HEAD.test(toks[i]!.low));
    };
    if (agent && armed(agent) && others.length === 0) {
      // An armed group that attacks a village or kills people, with no armed opponent in sight, commits
      // violence against civilians: "militants attacked the village of X", "police shot dead a man". A
      // non-state group's dead told only by number ("4 killed by armed men") are taken as people, not fighters.
      const opponentNamed = roles.named.some((r) => armed(r) && r.name !== agent.name && r.cls !== agent.cls);
      const nonState = agent.cls !== 'state' && agent.cls !== 'external';
      const countedDead = nonState && victims.length > 0 && victims.every((v) => !v.group && (v.outcome === 'kill' || v.outcome === 'killwound'));
      if (!opponentNamed && !victims.some((v) => combatant(toks, v)) && (victims.some((v) => personVictim(toks, v)) || personPatient() || countedDead || civilianPlace(toks, main, from, to, f.isPlace))) {
        return pick('Violence against civilians', abduct && !kill ? 'Abduction/forced disappearance' : 'Attack', main, 0.9);
      }
      // Outcomes with nobody named ("killed 5") lean on the agent; an attack with no target is a battle.
      return pick('Battles', 'Armed clash', main, kill || wound ? 0.8 : 0.7);
    }
    // Someone shot or attacked by no one named, and the harmed a person, not a fighter: an attack on a
    // civilian by an unidentified group ("a lawmaker was shot at while campaigning").
    if (!agent && others.length === 0 && !roles.named.some((r) => armed(r)) && !victims.some((v) => combatant(toks, v)) && (personPatient() || victims.some((v) => personVictim(toks, v)))) {
      return pick('Violence against civilians', abduct && !kill ? 'Abduction/forced disappearance' : 'Attack', main, 0.6);
    }
    if (!agent && others.length === 0) {
      // "3 people were killed" is read through the victims; bare outcomes with nobody named are weak.
      return pick('Battles', 'Armed clash', main, main.kind === 'attack' && !main.verbal ? 0.4 : 0.3);
    }
    return pick('Battles', 'Armed clash', main, 0.8);
  }

  if (withdraw) return pick('Strategic developments', 'Non-violent transfer of territory', withdraw, territorial(withdraw) ? 1 : 0.6);
  const arrest = has(triggers, 'arrest');
  if (arrest) return pick('Strategic developments', 'Arrests', arrest);
  const surrender = has(triggers, 'surrender');
  if (surrender) return pick('Strategic developments', 'Agreement', surrender);
  const agreement = has(triggers, 'agreement');
  const join = has(triggers, 'join');
  if (join && (armedTarget || others.some((o) => o.cls === 'rebel'))) return pick('Strategic developments', 'Change to group/activity', join);
  if (agreement) return pick('Strategic developments', 'Agreement', agreement, agreement.verbal ? 0.6 : 0.7);
  const base = has(triggers, 'base');
  if (base) return pick('Strategic developments', 'Headquarters or base established', base);
  // ("militants ransacked the substation": an armed group's vandalism is property destruction, not a riot.)
  const loot = has(triggers, 'loot') ?? (armedActor ? triggers.find((t) => t.kind === 'riot' && /^(vandali|ransack)/.test(toks[t.tokStart]!.low)) : undefined);
  if (loot) return pick('Strategic developments', 'Looting/property destruction', loot, 0.7);
  const release = has(triggers, 'release');
  if (release && people(release)) return pick('Strategic developments', 'Other', release, 0.6);
  const meet = has(triggers, 'meet');
  if (meet) return pick('Strategic developments', 'Other', meet, 0.3);
  if (regain) return pick('Battles', 'Government regains territory', regain, 0.3);
  return null;
}
