import type { Tok } from '../quantities/view.js';

/**
 * Event triggers: the words that say something happened. A trigger names a kind of act; the event type
 * is decided later from the act, the weapon and who did what to whom (classify.ts).
 */
export type TriggerKind =
  // outcomes
  | 'kill' | 'wound' | 'killwound'
  // violence
  | 'attack' | 'clash' | 'shoot' | 'abduct' | 'sexual' | 'torture'
  // weapons
  | 'ied' | 'suicide' | 'air' | 'shell' | 'grenade' | 'bomb'
  // demonstrations
  | 'protest' | 'riot' | 'intervene' | 'mob'
  // territory
  | 'regain' | 'seize' | 'withdraw'
  // strategic developments
  | 'arrest' | 'surrender' | 'agreement' | 'join' | 'defuse' | 'base' | 'loot' | 'release' | 'meet';

export interface Trigger {
  kind: TriggerKind;
  tokStart: number;
  tokEnd: number;
  /** Written as a verb (an act told), not a noun (which may only refer to one). */
  verbal: boolean;
  /** A passive or participle outcome ("were killed", "was wounded"). */
  passive: boolean;
  rule: string;
}

interface Rule {
  name: string;
  kind: TriggerKind;
  /** Token forms, one set per position. */
  seq: Set<string>[];
  verbal: boolean;
  /** The first word must be used as a verb ("fired at" the convoy, not "a fire at" a factory). */
  verbOnly: boolean;
}

const RULES: Rule[] = [];
const BY_FIRST = new Map<string, Rule[]>();

function rule(kind: TriggerKind, pattern: string, verbal = false, verbOnly = false): void {
  const seq = pattern.split(' ').map((p) => new Set(p.split('|')));
  const r: Rule = { name: pattern, kind, seq, verbal, verbOnly };
  RULES.push(r);
  for (const w of seq[0]!) {
    const list = BY_FIRST.get(w) ?? [];
    list.push(r);
    BY_FIRST.set(w, list);
  }
}

// Outcomes. "killed and wounded" / "killing and injuring" count nobody as dead (see fatalities.ts).
rule('killwound', 'killed|killing and|or wounded|injured|injuring|wounding', true);
rule('killwound', 'killing and|or wounding|injuring', true);
rule('killwound', 'killed|kill and|or injured|wounded|injure|wound', true);
rule('kill', 'kill|kills|killed|killing', true);
rule('kill', 'killings', false);
// "5 fatalities reported": note style names the dead by the count alone.
rule('kill', 'fatalities', false);
rule('kill', 'shot|shoot|shoots|shooting dead', true);
rule('kill', 'gunned|gun down', true);
rule('kill', 'murder|murders|murdered|murdering', true);
rule('kill', 'murders', false);
rule('kill', 'execute|executes|executed|executing', true);
rule('kill', 'execution|executions', false);
rule('kill', 'behead|beheads|beheaded|beheading', true);
rule('kill', 'assassinate|assassinated|assassinating', true);
rule('kill', 'assassination|assassinations', false);
rule('kill', 'massacre|massacred|massacring', true);
rule('kill', 'slaughter|slaughtered', true);
rule('kill', 'lynch|lynched|lynching', true);
rule('kill', 'beaten|beat|stabbed|stab|hacked|hack|clubbed|stoned|tortured|burned|burnt|shot to death', true);
rule('kill', 'burned|burnt alive', true);
rule('kill', 'died|die|dies', true);
rule('kill', 'dead', false);
rule('kill', 'death|deaths', false);
rule('kill', 'bodies', false);
// "eight security personnel were martyred", "seven martyrs": the dead, in the words of their side.
rule('kill', 'martyred|martyring', true);
rule('kill', 'martyrs', false);
// "three people lost their lives": the dead are the subject.
rule('kill', 'lost|lose|losing their|his|her lives|life', true);
// "the death toll has risen to 64", "a death toll of 20": the figure follows (roles.ts).
rule('kill', 'death toll', false);
rule('wound', 'wound|wounds|wounded|wounding', true);
rule('wound', 'injure|injures|injured|injuring', true);
rule('wound', 'hurt', true);
rule('wound', 'injuries', false);

// Violence.
rule('attack', 'attack|attacks|attacked|attacking', true);
rule('attack', 'assault|assaults|assaulted|assaulting', true);
rule('attack', 'raid|raids|raided|raiding', true);
rule('attack', 'ambush|ambushes|ambushed|ambushing', true);
rule('attack', 'storm|stormed|storming', true);
rule('attack', 'targeted|targeting|targets', true);
rule('attack', 'struck', true, true);
rule('attack', 'offensive|onslaught|incursion', false);
rule('attack', 'operation|operations', false);
rule('attack', 'infiltrator|infiltrators', false);
rule('attack', 'overtook|overtake|overtaken', true);
rule('clash', 'clash|clashes|clashed|clashing', true);
rule('clash', 'fighting|fought', true);
rule('clash', 'fight', true);
rule('clash', 'fights', true, true);
rule('clash', 'battle|battles|battled|battling', true);
rule('clash', 'gunfight|gunfights|firefight|firefights|skirmish|skirmishes|shootout|crossfire|standoff', false);
rule('clash', 'gun battle|battles', false);
rule('clash', 'exchange|exchanged|exchanging of|fire', true);
rule('clash', 'exchange|exchanged|exchanging fire', true);
// Two sides firing at each other: "traded fire", "exchanged heavy gunfire", "exchanged artillery fire". The
// weapon decides the kind: guns make an armed clash, artillery, mortars and rockets a shelling by both
// sides (roles.ts RECIPROCAL makes a coordinated subject both sides). Not "traded accusations".
const TRADE = 'exchange|exchanges|exchanged|exchanging|trade|trades|traded|trading';
const GUN_FIRE = 'gunfire|shots|gunshots|bullets';
const HEAVY = 'heavy|intense|sporadic|fierce|sustained|automatic|small-arms|small|cross-border|machine-gun|machinegun|rifle';
const BIG_GUNS = 'artillery|mortar|mortars|rocket|rockets|tank|missile|missiles|howitzer|heavy-weapons';
rule('clash', 'trade|trades|traded|trading fire', true);
rule('clash', `${TRADE} ${GUN_FIRE}`, true);
rule('clash', `${TRADE} ${HEAVY} fire|gunfire|shots`, true);
rule('clash', `${TRADE} small arms fire`, true);
rule('clash', `${TRADE} heavy machine-gun|machinegun|automatic fire`, true);
// Fire in both directions is a battle, even long-range (ACLED: "Battle or E/RV?"; artillery duels are armed clashes).
rule('clash', `${TRADE} ${BIG_GUNS} fire|shells|barrages|salvos|strikes`, true);
rule('clash', `${TRADE} ${HEAVY} ${BIG_GUNS} fire|shells|barrages`, true);
rule('clash', `${TRADE} shells|shelling|barrages`, true);
// "engaged in heavy fighting", "engaged in a gun battle" (not "engaging in looting").
rule('clash', 'engaged|engage|engaging in a|an|heavy|fierce|intense|armed|fighting|combat|clashes|battle|battles|gunfights|firefights|skirmishes|hostilities', true);
rule('clash', 'repulse|repulsed|repulsing|repel|repelled|repelling', true);
// "the troops returned fire": fire the other way makes the exchange a fight.
rule('clash', 'returned|return|returning fire', true);
rule('clash', 'resistance', false);
rule('clash', 'counterattack|counter-attack|counterattacked', true);
rule('clash', 'confrontation|confrontations', false);
// "hostilities between the A and B communities": fighting named by its state.
rule('clash', 'hostilities', false);
rule('shoot', 'shot|shoot|shoots|shooting', true, true);
rule('shoot', 'opened|open|opening fire', true);
rule('shoot', 'fired|fire|fires|firing on|at|upon|into', true, true);
rule('shoot', 'sniper|snipers', false);
rule('shoot', 'gunfire|gunshot|gunshots', false);
rule('shoot', 'stabbed|stab|stabbing|hacked|machete', true);
rule('abduct', 'abduct|abducts|abducted|abducting', true);
rule('abduct', 'abduction|abductions|kidnapping|kidnappings', false);
rule('abduct', 'kidnap|kidnaps|kidnapped', true);
rule('abduct', 'took|take|taken|taking hostage|hostages|captive', true);
rule('abduct', 'held|holding hostage|captive', true);
rule('abduct', 'disappeared', true);
rule('sexual', 'rape|raped|rapes|raping', true);
rule('sexual', 'gang-raped', true);
rule('sexual', 'sexually assaulted|abused', true);
rule('sexual', 'sexual violence|assault|abuse|slavery', false);
rule('torture', 'torture|tortured|torturing', true);
rule('torture', 'beat|beaten|beating|flogged|whipped|lashed', true);

// Weapons.
rule('ied', 'ied|ieds|i.e.d.', false);
rule('ied', "ied's", false);
rule('ied', 'improvised explosive|explosives', false);
rule('ied', 'explosive device|devices', false);
rule('ied', 'roadside bomb|bombs|mine|mines', false);
rule('ied', 'landmine|landmines|land-mine|land-mines', false);
rule('ied', 'land mine|mines', false);
rule('ied', 'magnetic|sticky bomb|bombs|mine|mines', false);
rule('ied', 'car bomb|bombs|bombing', false);
rule('ied', 'vbied|vbieds', false);
rule('ied', 'motorcycle|motorbike bomb|bombs', false);
rule('suicide', 'suicide bomber|bombers|bombing|bombings|attack|attacks|attacker|attackers|bomb|car|vest|vests', false);
rule('suicide', 'blew himself|herself|themselves up', true);
rule('suicide', 'svbied|svbieds', false);
rule('suicide', 'explosive|explosives vest|vests|belt|belts', false);
rule('air', 'airstrike|airstrikes|air-strike|air-strikes|airraid|airraids', false);
rule('air', 'air strike|strikes|raid|raids|attack|attacks|bombardment|bombardments|bombing|bombings', false);
rule('air', 'drone strike|strikes|attack|attacks', false);
rule('air', 'aerial bombardment|bombardments|bombing|bombings|attack|attacks', false);
rule('air', 'helicopter attack|attacks|gunship|gunships', false);
rule('air', 'warplane|warplanes|jets|airplanes|aircraft|helicopters|drones', false);
rule('air', 'airstriked|air-struck', true);
rule('shell', 'shelling|shelled|shells|shell', true);
rule('shell', 'artillery', false);
rule('shell', 'mortar|mortars', false);
rule('shell', 'rocket|rockets', false);
rule('shell', 'missile|missiles', false);
rule('shell', 'rpg|rpgs|rpg-7', false);
rule('shell', 'projectile|projectiles|katyusha|katyushas', false);
rule('shell', 'bombard|bombarded|bombarding|bombardment|pounded|pounding', true);
rule('grenade', 'grenade|grenades', false);
rule('grenade', 'hand grenade|grenades', false);
rule('bomb', 'bomb|bombs|bombing|bombings|bombed|blast|blasts|explosion|explosions|exploded|explode|detonated|detonation', false);

// Demonstrations.
rule('protest', 'protest|protests|protested|protesting', true);
rule('protest', 'protester|protesters|protestor|protestors|demonstrator|demonstrators', false);
rule('protest', 'demonstrate|demonstrated|demonstrating', true);
rule('protest', 'demonstration|demonstrations', false);
rule('protest', 'rally|rallies|rallied|rallying', true);
rule('protest', 'marched|marching', true);
rule('protest', 'sit-in|sit-ins', false);
// "staged a march", "a peaceful march", "held marches", "a broom procession", "formed a human chain" (not the
// month: a march is counted or qualified here).
rule('protest', 'a|peaceful|silent|protest|solidarity|road|street|mass|several|held|staged march|marches', false);
rule('protest', 'procession|processions', false);
rule('protest', 'human chain|chains', false);
rule('protest', 'took|take|taking|hit|hitting|poured|pouring|descended the|onto|into streets|street', true);
rule('protest', 'went|go|came|come|poured|spilled down|out in|into|on|onto the streets|street', true);
rule('protest', 'sit - in', false);
rule('protest', 'picket|picketed|picketing', true);
rule('protest', 'took|take|taking to the streets', true);
rule('protest', 'went|go|going|were|are on strike', true);
rule('protest', 'general|labour|labor|workers|hunger|nationwide|national strike', false);
rule('protest', 'strike action', false);
rule('protest', 'boycott|boycotted', true);
rule('protest', 'vigil|vigils', false);
// A crowd gathering is a protest when the note is about a crowd ([size=...]) or says what it demanded.
rule('protest', 'gathered|assembled|converged|congregated to|in|outside|at|near', true);
rule('riot', 'riot|riots|rioted|rioting|rioters|rioter', true);
rule('riot', 'threw|throw|throwing|hurled|pelted stones|rocks|stone|petrol|molotov|bricks', true);
rule('riot', 'pelted|pelting|pelt', true);
rule('riot', 'broke|breaking|broken through|a police line|cordon|barricade', true);
rule('riot', 'burned|burnt|burning|torched tyres|tires|tyre|tire', true);
// Blocking a road or a site without violence is a peaceful protest (ACLED's current practice); burning
// barricades or tyres (above) and vandalism (below) are a crowd's violence.
rule('protest', 'blocked|blocking|barricaded|barricading|barricade road|roads|highway|the|access|traffic', true);
// Barricades built are the crowd's destructive act (ACLED's violent demonstration: "build ... barricades"):
// "erected barricades", "set up a barricade" (blocking the road itself, above, stays a protest).
rule('riot', 'barricades', false);
rule('riot', 'a|burning barricade', false);
rule('riot', 'vandalised|vandalized|vandalism|ransacked', true);
rule('riot', 'bonfire|bonfires', false);
rule('riot', 'burning barricades|barricade', false);
rule('riot', 'set|setting|lit|lighting fire|fires|bonfires on|to|in the road|roads|street|streets|highway', true);
rule('intervene', 'dispersed|disperse|dispersing', true);
// "Police intervened and stopped the march": an intervention only where a demonstration is told (classify.ts).
rule('intervene', 'intervened|intervene|intervenes|intervening', true, true);
rule('intervene', 'broke|break|breaks up the|a protest|protests|demonstration|demonstrations|march|rally|sit-in|gathering', true);
rule('intervene', 'tear gas|gases', false);
rule('intervene', 'teargas|tear-gas|teargassed', false);
rule('intervene', 'water cannon|cannons', false);
rule('intervene', 'rubber bullets', false);
rule('intervene', 'baton|batons|baton-charged', false);
rule('intervene', 'warning shots', false);
rule('intervene', 'live ammunition|rounds|fire', false);
rule('mob', 'mob|mobs', false);
rule('mob', 'mob justice|violence', false);

// Territory.
rule('regain', 'retook|retake|retakes|retaken|retaking', true);
rule('regain', 'recaptured|recapture|recapturing', true);
rule('regain', 'regained|regain control', true);
rule('regain', 'liberated|liberate|liberating|liberation', true);
rule('regain', 'freed|free|freeing', true, true);
rule('regain', 'reclaimed|reclaim', true);
rule('regain', 'took|take back', true);
rule('regain', 'cleared|clear|clears|clearing', true, true);
// "a clearance operation in X", "clearing operations at X": state forces retaking ground from a group.
rule('regain', 'clearance|clearing operation|operations', false);
rule('seize', 'gained|took|seized|assumed|wrested full|total|complete control', true);
rule('seize', 'gained control', true);
rule('regain', 'wrested control', true);
rule('seize', 'seized|seize|seizing', true);
rule('seize', 'captured|capture|capturing', true);
rule('seize', 'overran|overrun|overrunning', true);
rule('seize', 'took|take|taken|taking control|over', true);
rule('seize', 'fell|fall to', true);
rule('withdraw', 'withdrew|withdraw|withdrawn|withdrawing|withdrawal', true);
rule('withdraw', 'pulled out|back', true);
rule('withdraw', 'retreated|retreat from', true);
rule('withdraw', 'handed over', true);
rule('withdraw', 'handed|hand the|control', true);

// Strategic developments.
rule('arrest', 'arrest|arrests|arrested|arresting', true);
rule('arrest', 'detain|detains|detained|detaining', true);
rule('arrest', 'apprehend|apprehended|nabbed', true);
rule('arrest', 'taken into custody', true);
rule('arrest', 'rounded up', true);
rule('surrender', 'surrender|surrendered|surrendering|surrenders', true);
rule('surrender', 'laid down their arms|weapons', true);
rule('agreement', 'agreement|agreements|accord|accords|ceasefire|cease-fire|truce|armistice', false);
rule('agreement', 'peace deal|talks|pact|treaty', false);
rule('agreement', 'signed|sign|signing', true, true);
rule('agreement', 'prisoner exchange|swap|release', false);
rule('agreement', 'prisoners exchange|swap', false);
rule('join', 'joined|join|joining', true, true);
rule('join', 'defected|defect|defecting|defection|defections', true);
rule('join', 'switched|switch|changed sides|allegiance', true);
rule('join', 'pledged allegiance', true);
rule('join', 'recruited|recruiting|recruitment', true);
rule('defuse', 'defused|defuse|defusing|dismantled|deactivated', true);
rule('defuse', 'prematurely', false);
rule('defuse', 'foiled|thwarted', true);
rule('base', 'established|set|setting|opened a|up base|camp|headquarters|outpost', true);
rule('loot', 'looted|loot|looting|plundered|pillaged|ransacked', true);
rule('loot', 'torched|set|sets|setting ablaze|fire', true);
rule('loot', 'burned|burnt down', true);
rule('loot', 'torched|torch|torching|torches', true);
rule('loot', 'demolished|razed|destroyed', true, true);
rule('loot', 'arson', false);
rule('loot', 'rustled|stole|stolen', true);
// "burned the school", "burnt several houses" (the bare verb: "burned down" is above); tyres burned in a
// demonstration are the crowd's riot, fires set for cover no event (filters.ts smokeScreen).
rule('loot', 'burned|burnt|burn the|a|an|his|her|their|its|several|many|dozens|houses|homes|huts|shops|stalls|schools?|school|church|churches|mosque|mosques|vehicles|cars|granaries|crops|fields', true);
// "robbed passengers", "stripped road users of their belongings" (not "stripped of their jobs")
rule('loot', 'robbed|extorted', true);
rule('loot', 'stripped the|road|passengers|travellers|travelers|villagers|residents|traders|people|them|motorists|drivers', true);
rule('release', 'released|rescued', true, true);
rule('meet', 'met|meet|visited', true, true);
rule('meet', 'meeting|talks', false);

/** Verbs that expel a force from a place ("drove ... out of", "driven ... from"). */
const EXPEL = /^(drove|driven|drive|drives|driving|pushed|push|pushes|pushing|chased|chase|forced|flushed|expelled|expel|ousted|oust|evicted|dislodged|dislodge|routed|kicked)$/;
/** Nouns naming ground that can be taken. */
const TERRITORY_WORDS = /^(town|towns|city|village|villages|district|districts|area|areas|neighbourhood|neighbourhoods|neighborhood|neighborhoods|suburb|suburbs|region|province|territory|hill|hills|base|bases|airport|airbase|crossing|stronghold|strongholds|outpost|outposts|settlement|settlements|island|capital|quarter)$/;

/** First words of the triggers whose parts are apart ("took 55 civilians hostage"). */
const SPLIT_STARTERS = new Set(['established', 'establish', 'establishes', 'establishing', 'set', 'sets', 'setting', 'opened', 'built', 'erected',
  'seized', 'seize', 'seizing', 'found', 'discovered', 'recovered', 'confiscated', 'uncovered', 'impounded', 'intercepted',
  'took', 'take', 'taken', 'taking', 'held', 'holding', 'hold']);

/** Past forms without "-ed", which the tagger sometimes reads as nouns ("shot dead 284 men"). */
const IRREGULAR_PAST = new Set(['shot', 'hit', 'struck', 'overran', 'overtook', 'took', 'fought', 'beat', 'beaten', 'stole', 'withdrew', 'blew', 'threw', 'met', 'burnt', 'held', 'slain', 'slew', 'retook', 'overrun', 'laid', 'stabbed', 'gunned']);

/** Word patterns of the trigger rules below, made once (a regular-expression literal in a function is a new object at each call). */
const DETERMINER = /^(a|an|the|this|that|its|their|his|her)$/;
const ED_OR_ING_END = /(ed|ing)$/;
const DEMONSTRATE_DEMONSTRATED_DEMONSTRATING_ETC = /^(demonstrate|demonstrated|demonstrating|rallied|rally|rallying)$/;
const DET_NOUN_PROPN_ETC = /^(DET|NOUN|PROPN|ADJ|PRON|NUM)$/;
const OUTSIDE_NEAR_AGAINST_ETC = /^(outside|near|against|in|at|on)$/;
const PASSIVE_AUX = /^(was|were|been|be|being|is|are|got)$/;
const AUX_TWO_BACK = /^(was|were|been|be|is|are)$/;
const BETWEEN_AUX_AND_VERB = /^(also|reportedly|later|allegedly|all|both|then|subsequently|reported|said|believed|confirmed|feared|thought)$/;
const DETERMINER_OR_DEMONSTRATIVE = /^(a|an|the|this|that|these|those|its|their|his|her)$/;
const ING_END = /ing$/;
const COMMA_OR_AND = /^(,|and)$/;
const ED_END = /ed$/;
const ON_HUNGER_GENERAL_ETC = /^(on|hunger|general|labour|labor|workers|national|nationwide|teachers|doctors|nurses|transport|rail|lucky)$/;
const MILITARY_ARMY_ISRAELI_ETC = /^(military|army|israeli|russian|ukrainian|american|us|u.s.|coalition|saudi-led|us-led|turkish|iranian|allied|government|regime|junta|precision|precise|deadly|fresh|new|retaliatory|overnight|missile|rocket|artillery|drone|air|aerial|airborne)$/;
const CAPITALISED = /^\p{Lu}/u;
const ON_AGAINST_TARGETING_ETC = /^(on|against|targeting|that|which|hit|hits|killed|kills|in)$/;
const MISSILE_MISSILES_ROCKET_ETC = /^(missile|missiles|rocket|rockets|artillery|mortar|ballistic)$/;
const LIVES_LIFE = /^(lives|life)$/;
const FIGURE_WORDS = /^\d|^(at|least|more|than|over|nearly|almost|about|some|the|of|dozens|scores|hundreds|thousands)$/;
const CLAIMED_CLAIM_CLAIMS_ETC = /^(claimed|claim|claims|claiming|cost|costs|costing|took|take|takes|taking)$/;
const BEFORE_MINE = /^(a|an|the|planted|anti-personnel|anti-tank|antipersonnel|antitank|buried)$/;
const WORKER_WORKERS_SITE_ETC = /^(worker|workers|site|shaft|owner|owners|operator|company|manager|managers|collapse|entrance)$/;
const MINE_BLAST_CONTEXT = /\b(hit|hits|struck|stepped|exploded|explodes|explosion|detonated|killed|wounded|injured|blast|planted|triggered|went off|defused|cleared)\b/;
const ESTABLISHED_ESTABLISH_ESTABLISHES_ETC = /^(established|establish|establishes|establishing|set|sets|setting|opened|built|erected)$/;
const BASE_BASES_CAMP_ETC = /^(base|bases|camp|camps|headquarters|hq|outpost|outposts|stronghold)$/;
const BEFORE_BASE_WORD = /^(a|an|the|new|its|their|his|military|forward|temporary|permanent|large|small|rear|operating|operational|command)$/;
const SEIZED_SEIZE_SEIZING_ETC = /^(seized|seize|seizing|found|discovered|recovered|confiscated|uncovered|impounded|intercepted)$/;
const WEAPONS_ARMS_AMMUNITION_ETC = /^(weapons|arms|ammunition|explosives|cache|caches|rifles|guns|pistols|bullets|cartridges|ieds|ied|mines|landmines|grenades|rockets|mortars|bomb|bombs|stockpile|munitions|detonators)$/;
const WAS_WERE_BEEN = /^(was|were|been)$/;
const PUNCT_STOP = /^[.;]$/;
const FROM_IN_AT_ETC = /^(from|in|at|during|near)$/;
const TOOK_TAKE_TAKEN_ETC = /^(took|take|taken|taking|held|holding|hold)$/;
const HOSTAGE_HOSTAGES_CAPTIVE_ETC = /^(hostage|hostages|captive|captives)$/;
const BE_FORMS = /^(was|were|been|be|being)$/;
const PUNCT_CLAUSE = /^[.;,]$/;
const TOOK_TAKE_TAKES_ETC = /^(took|take|takes|taken|taking)$/;
const THE_A_AN_ETC = /^(the|a|an|several|two|three|four|five|six|many|more|nearby|neighbouring|neighboring|strategic|key|small|border|frontline|remaining|last|its|their|of)$/;
const INTERCEPTED_INTERCEPT_DOWNED_ETC = /^(intercepted|intercept|downed|downing|intercepting)$/;
const DRONES_MISSILES_ROCKETS_ETC = /^(drones?|missiles?|rockets?|projectiles?|uavs?|shaheds?)$/;
const NEUTRALISED_NEUTRALIZED_NEUTRALISING_ETC = /^(neutralised|neutralized|neutralising|neutralizing)$/;
const IED_IEDS_DEVICE_ETC = /^(ied|ieds|device|devices|bomb|bombs|mine|mines|explosives?|vbied)$/;

/*
 * The loops below ask these instead of `out.some((t) => ... k ...)`: a closure that captures a loop's `let k`
 * makes V8 allocate a fresh context for k at every iteration, whether or not the closure runs — 24 bytes a
 * word in each of the ten loops, nearly all of findTriggers' allocation.
 */
/** Whether a trigger found already covers token k. */
function covered(out: readonly Trigger[], k: number): boolean {
  for (const t of out) if (t.tokStart <= k && k < t.tokEnd) return true;
  return false;
}

/** The index of the trigger starting at token k, or -1. */
function startingAt(out: readonly Trigger[], k: number): number {
  for (let i = 0; i < out.length; i++) if (out[i]!.tokStart === k) return i;
  return -1;
}

/** Is the word at i used as a verb (tagged so, or a participle not preceded by an article)? */
function isVerbUse(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  const prev = toks[i - 1]?.low ?? '';
  if (DETERMINER.test(prev)) return false;
  return ED_OR_ING_END.test(t.low) || t.low === 'shot' || t.low === 'struck' || t.low === 'met';
}

// The pipeline's choice of sentences to parse and the events extractor both ask for a sentence's
// triggers (ten passes over its words); the views' token arrays are cached per document, so the answer is
// kept per array and dies with the document.
const found = new WeakMap<Tok[], readonly Trigger[]>();

/** The triggers of a sentence, longest rule first, without overlaps (shared by every caller: never changed). */
export function findTriggers(toks: Tok[]): readonly Trigger[] {
  let hit = found.get(toks);
  if (!hit) found.set(toks, (hit = readTriggers(toks)));
  return hit;
}

function readTriggers(toks: Tok[]): Trigger[] {
  const out: Trigger[] = [];
  let i = 0;
  while (i < toks.length) {
    const cands = BY_FIRST.get(toks[i]!.low);
    let best: Rule | null = null;
    if (cands) {
      for (const r of cands) {
        if (best && r.seq.length <= best.seq.length) continue;
        let ok = i + r.seq.length <= toks.length && (!r.verbOnly || isVerbUse(toks, i));
        for (let k = 1; k < r.seq.length && ok; k++) ok = r.seq[k]!.has(toks[i + k]!.low);
        if (ok) best = r;
      }
    }
    // "demonstrated Passover recipes", "rallied support": a transitive use is no demonstration.
    if (best && best.kind === 'protest' && DEMONSTRATE_DEMONSTRATED_DEMONSTRATING_ETC.test(toks[i]!.low) &&
      toks[i + 1] && DET_NOUN_PROPN_ETC.test(toks[i + 1]!.pos) && !OUTSIDE_NEAR_AGAINST_ETC.test(toks[i + 1]!.low)) {
      best = null;
    }
    // "a religious procession", "the funeral procession": a rite, not a demonstration.
    if (best && best.kind === 'protest' && /^processions?$/.test(toks[i]!.low) && /^(religious|funeral|wedding|burial|royal|ashura|carnival)$/.test(toks[i - 1]?.low ?? '')) best = null;
    if (!best) {
      i++;
      continue;
    }
    const t = toks[i]!;
    const prev = toks[i - 1]?.low ?? '';
    const prev2 = toks[i - 2]?.low ?? '';
    const passive = PASSIVE_AUX.test(prev) || AUX_TWO_BACK.test(prev2) && BETWEEN_AUX_AND_VERB.test(prev);
    const det = DETERMINER_OR_DEMONSTRATIVE.test(prev);
    // "..., wounding 4 people": a participle after a comma or "and" is a verb even when tagged a noun.
    const participle = ING_END.test(t.low) && COMMA_OR_AND.test(prev);
    // "Troops gun down a bomber": a verb with its particle, in the present of a note, even when the tagger reads
    // a noun ("gun"); no noun is followed by "down" and an object in a report.
    const phrasal = best.seq.length === 2 && toks[i + 1]?.low === 'down' && !det;
    const verbal = best.verbal && (t.pos === 'VERB' || t.pos === 'AUX' || passive || participle || phrasal || (!det && t.pos !== 'NOUN' && ED_OR_ING_END.test(t.low)) || (!det && ED_END.test(t.low)) || (!det && IRREGULAR_PAST.has(t.low)));
    out.push({ kind: best.kind, tokStart: i, tokEnd: i + best.seq.length, verbal, passive, rule: best.name });
    i += best.seq.length;
  }
  // "an Israeli strike on a school", "a strike on the camp killed 7", "Russian strikes hit the city": a strike
  // by an armed side or on a target is an attack from the air or from afar, not a walkout ("a general strike",
  // "went on strike", "strike action" are protests, above).
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!.low;
    if ((w !== 'strike' && w !== 'strikes') || covered(out, k)) continue;
    if (toks[k]!.pos === 'VERB' && !DETERMINER.test(toks[k - 1]?.low ?? '')) continue;
    const prev = toks[k - 1];
    const next = toks[k + 1]?.low ?? '';
    if (ON_HUNGER_GENERAL_ETC.test(prev?.low ?? '') || next === 'action') continue;
    const bySide = !!prev && (MILITARY_ARMY_ISRAELI_ETC.test(prev.low) || (prev.pos === 'ADJ' && CAPITALISED.test(prev.text)));
    const onTarget = ON_AGAINST_TARGETING_ETC.test(next);
    // "a rocket strike", "missile strikes": fired from the ground, a shelling or missile attack, not an air strike.
    const fromGround = MISSILE_MISSILES_ROCKET_ETC.test(prev?.low ?? '');
    if (bySide || onTarget) out.push({ kind: fromGround ? 'shell' : 'air', tokStart: k, tokEnd: k + 1, verbal: false, passive: false, rule: 'strike (on X)' });
  }
  // "claimed nine lives", "cost 30 lives": the figure before "lives" is the dead.
  for (let k = 2; k < toks.length; k++) {
    if (!LIVES_LIFE.test(toks[k]!.low) || covered(out, k)) continue;
    let j = k - 1;
    while (j > k - 5 && j > 0 && (toks[j]!.pos === 'NUM' || FIGURE_WORDS.test(toks[j]!.low))) j--;
    if (j < k - 1 && CLAIMED_CLAIM_CLAIMS_ETC.test(toks[j]!.low)) {
      out.push({ kind: 'kill', tokStart: k, tokEnd: k + 1, verbal: false, passive: false, rule: 'claimed ... lives' });
    }
  }
  // "hit a mine", "a mine exploded" — not "cars like mine" or "an abandoned coal mine".
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!.low;
    if (w !== 'mine' && w !== 'mines') continue;
    if (covered(out, k)) continue;
    const prev = toks[k - 1]?.low ?? '';
    const next = toks[k + 1]?.low ?? '';
    if (!BEFORE_MINE.test(prev)) continue;
    if (WORKER_WORKERS_SITE_ETC.test(next)) continue;
    const clause = toks.slice(Math.max(0, k - 8), k + 8).map((t) => t.low).join(' ');
    if (!MINE_BLAST_CONTEXT.test(clause)) continue;
    out.push({ kind: 'ied', tokStart: k, tokEnd: k + 1, verbal: false, passive: false, rule: 'mine' });
  }
  // "established a new base", "set up a camp": the verb and its object are apart.
  for (let k = 0; k < toks.length; k++) {
    if (!SPLIT_STARTERS.has(toks[k]!.low)) continue;
    if (!ESTABLISHED_ESTABLISH_ESTABLISHES_ETC.test(toks[k]!.low)) continue;
    if (covered(out, k)) continue;
    let j = k + 1;
    if (toks[j]?.low === 'up') j++;
    for (let n = 0; n < 4 && j < toks.length; n++, j++) {
      if (BASE_BASES_CAMP_ETC.test(toks[j]!.low)) {
        out.push({ kind: 'base', tokStart: k, tokEnd: k + 1, verbal: true, passive: false, rule: 'establish ... base' });
        break;
      }
      if (!BEFORE_BASE_WORD.test(toks[j]!.low)) break;
    }
  }
  // "seized a large cache of weapons", "found 3 IEDs": arms taken before use.
  for (let k = 0; k < toks.length; k++) {
    if (!SPLIT_STARTERS.has(toks[k]!.low)) continue;
    if (!SEIZED_SEIZE_SEIZING_ETC.test(toks[k]!.low)) continue;
    // "seized 4 radios, 7 pistols, 42 bullets and 4 grenades": a list of what was found runs on over commas.
    for (let j = k + 1; j < Math.min(toks.length, k + 24); j++) {
      if (WEAPONS_ARMS_AMMUNITION_ETC.test(toks[j]!.low)) {
        const at = startingAt(out, k);
        if (at >= 0) out.splice(at, 1);
        out.push({ kind: 'defuse', tokStart: k, tokEnd: k + 1, verbal: true, passive: WAS_WERE_BEEN.test(toks[k - 1]?.low ?? ''), rule: 'seize ... weapons' });
        break;
      }
      if (PUNCT_STOP.test(toks[j]!.low) || FROM_IN_AT_ETC.test(toks[j]!.low)) break;
    }
  }
  // "took 55 civilians hostage": the verb and its complement are apart.
  for (let k = 0; k < toks.length; k++) {
    if (!SPLIT_STARTERS.has(toks[k]!.low)) continue;
    if (!TOOK_TAKE_TAKEN_ETC.test(toks[k]!.low)) continue;
    if (covered(out, k)) continue;
    for (let j = k + 1; j < Math.min(toks.length, k + 7); j++) {
      if (HOSTAGE_HOSTAGES_CAPTIVE_ETC.test(toks[j]!.low)) {
        const prev = toks[k - 1]?.low ?? '';
        out.push({ kind: 'abduct', tokStart: k, tokEnd: k + 1, verbal: true, passive: BE_FORMS.test(prev), rule: 'take ... hostage' });
        break;
      }
      if (PUNCT_CLAUSE.test(toks[j]!.low)) break;
    }
  }
  // "drove the militants out of Bartella", "had driven the militants from Bashiqa", "pushed IS fighters out of
  // the town": a force expelled from a place (the place or a territory noun must follow).
  for (let k = 0; k < toks.length; k++) {
    if (!EXPEL.test(toks[k]!.low) || covered(out, k)) continue;
    for (let j = k + 1; j < Math.min(toks.length - 1, k + 8); j++) {
      const w = toks[j]!.low;
      const from = w === 'from' || (w === 'out' && toks[j + 1]?.low === 'of');
      if (from) {
        const at = w === 'out' ? j + 2 : j + 1;
        const next = toks.slice(at, at + 4);
        if (next.some((x) => CAPITALISED.test(x.text) || TERRITORY_WORDS.test(x.low))) {
          const prev = toks[k - 1]?.low ?? '';
          out.push({ kind: 'regain', tokStart: k, tokEnd: k + 1, verbal: true, passive: BE_FORMS.test(prev), rule: 'drive ... out of' });
        }
        break;
      }
      if (PUNCT_CLAUSE.test(w)) break;
    }
  }
  // "took several villages around Bashiqa", "after taking the nearby district of Gogjali": take + territory.
  for (let k = 0; k < toks.length; k++) {
    if (!TOOK_TAKE_TAKES_ETC.test(toks[k]!.low) || covered(out, k)) continue;
    for (let j = k + 1; j < Math.min(toks.length, k + 5); j++) {
      const w = toks[j]!;
      if (TERRITORY_WORDS.test(w.low) && toks[j + 1]?.low !== 'hostage') {
        const prev = toks[k - 1]?.low ?? '';
        out.push({ kind: 'seize', tokStart: k, tokEnd: k + 1, verbal: true, passive: BE_FORMS.test(prev), rule: 'take ... territory' });
        break;
      }
      if (!THE_A_AN_ETC.test(w.low) && w.pos !== 'ADJ' && w.pos !== 'NUM') break;
    }
  }
  // "shot down 22 drones", "intercepted two missiles": a weapon stopped before it struck.
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!.low;
    const down = (w === 'shot' || w === 'shoot' || w === 'shooting') && toks[k + 1]?.low === 'down';
    if (!down && !INTERCEPTED_INTERCEPT_DOWNED_ETC.test(w)) continue;
    for (let j = k + (down ? 2 : 1); j < Math.min(toks.length, k + 8); j++) {
      if (DRONES_MISSILES_ROCKETS_ETC.test(toks[j]!.low)) {
        for (let i = out.length - 1; i >= 0; i--) {
          const t = out[i]!;
          if (t.tokStart >= k && t.tokStart <= j) out.splice(i, 1);
        }
        out.push({ kind: 'defuse', tokStart: k, tokEnd: down ? k + 2 : k + 1, verbal: true, passive: false, rule: 'shoot down ... drones' });
        break;
      }
      if (PUNCT_CLAUSE.test(toks[j]!.low)) break;
    }
  }
  // "neutralised an explosive device" (not "neutralised 20 assailants", which tells nothing sure of them).
  for (let k = 0; k < toks.length; k++) {
    if (!NEUTRALISED_NEUTRALIZED_NEUTRALISING_ETC.test(toks[k]!.low)) continue;
    const obj = toks.slice(k + 1, k + 5).map((x) => x.low);
    if (obj.some((x) => IED_IEDS_DEVICE_ETC.test(x))) {
      out.push({ kind: 'defuse', tokStart: k, tokEnd: k + 1, verbal: true, passive: false, rule: 'neutralise ... device' });
    }
  }
  out.sort((a, b) => a.tokStart - b.tokStart);
  // "was abducted and later beheaded", "were shot and killed": a verb joined to a passive one is passive.
  for (let k = 1; k < out.length; k++) {
    const t = out[k]!;
    if (t.passive || !t.verbal) continue;
    let j = t.tokStart - 1;
    while (j >= 0 && toks[j]!.pos === 'ADV') j--;
    if (toks[j]?.low !== 'and' && toks[j]?.low !== 'or') continue;
    const before = out[k - 1]!;
    if (before.passive && before.tokEnd === j) t.passive = true;
  }
  for (const t of out) if (!t.passive && reducedPassive(toks, t)) t.passive = true;
  return out;
}

/** A quote mark a note puts round a word it cites ("'several'"); roles.ts reads past them too. */
export const QUOTED = /^['‘’"“”]$/;

/** What may follow an outcome participle that ends its clause ("2 fighters killed.", "5 soldiers wounded in X"). */
const AFTER_REDUCED = /^(\.|,|;|:|in|on|at|near|during|as|when|after|and|by|while|overnight|early|late|last|yesterday|today|since|following|amid|across|throughout|around|outside|inside|last|this|\(|\[)$/;

/**
 * Headline and note style drops the auxiliary: "2 fighters killed.", "Three civilians wounded in Kandahar",
 * "Dozens of fatalities reported". An outcome verb whose subject is a counted noun phrase opening the
 * clause, with nothing after it that could be an object, is a passive. "Gunmen killed 3" keeps its object,
 * "2 fighters killed 3 soldiers" too.
 */
function reducedPassive(toks: Tok[], t: Trigger): boolean {
  // An attack in note style ("Army post attacked in X", "Police patrol ambushed near X") is read as a
  // headline only (below): "Gunmen attacked in the night" keeps its doers.
  const attack = t.kind === 'attack' && /ed$/.test(toks[t.tokEnd - 1]!.low);
  if (!t.verbal || !(attack || /^(kill|wound|killwound)$/.test(t.kind)) || !(/ed$/.test(toks[t.tokEnd - 1]!.low) || /^(shot|gunned)$/.test(toks[t.tokStart]!.low))) return false;
  const next = toks[t.tokEnd];
  if (next && !AFTER_REDUCED.test(next.low)) return false;
  // "A group of youths lynched and killed a thief": a chain of acts ending on an object is told actively.
  const chained = toks[t.tokEnd + 1];
  if (next?.low === 'and' && chained?.pos === 'VERB' && /^(DET|PRON|NUM|ADJ|NOUN|PROPN)$/.test(toks[t.tokEnd + 2]?.pos ?? '')) return false;
  // Back to the clause start: a number or quantifier, then only adjectives, nouns and "of".
  let k = t.tokStart - 1;
  let sawNoun = false;
  while (k >= 0 && (/^(NOUN|PROPN|ADJ)$/.test(toks[k]!.pos) || toks[k]!.low === 'of' || toks[k]!.low === '-')) {
    if (toks[k]!.pos === 'NOUN' || toks[k]!.pos === 'PROPN') sawNoun = true;
    k--;
  }
  // "'Several' militants killed.": the quotes a note puts round its vague count change nothing.
  if (k >= 1 && sawNoun && QUOTED.test(toks[k]!.low) && /^(several|many|numerous|dozens|scores|hundreds|some)$/.test(toks[k - 1]!.low)) k--;
  const w = toks[k];
  // "Health worker assassinated overnight", "Army officer killed by gunmen": a headline whose subject is a bare
  // noun phrase opening the sentence is a passive too.
  // (Its head a singular common noun, and no figure after the verb: "ELN guerrillas killed at least nine
  // soldiers" is active.)
  const head = toks[t.tokStart - 1];
  if (k < 0 && sawNoun && t.tokStart - k <= 5 && head?.pos === 'NOUN' && /^[a-z]/.test(head.text) && !/s$/.test(head.low) &&
    (attack || !toks.slice(t.tokEnd, t.tokEnd + 4).some((x) => x.pos === 'NUM' || /^\d/.test(x.low)))) return true;
  if (attack) return false;
  // "Several rebels killed.": a quantifier the tagger read as an adjective opens the headline's subject.
  if (k < 0 && sawNoun && /^(several|many|numerous|dozens|scores|hundreds)$/.test(toks[0]?.low ?? '')) return true;
  const counted = w && (w.pos === 'NUM' || /^(dozens|scores|hundreds|thousands|several|many|numerous|some|two|three|four|five|six|seven|eight|nine|ten|a|at|least)$/.test(w.low));
  if (!counted) return false;
  // The clause opens here: the sentence start or a clause edge before the count ("At least", "...; 3 ...").
  let b = k - 1;
  while (b >= 0 && QUOTED.test(toks[b]!.low)) b--;
  while (b >= 0 && /^(at|least|most|more|than|about|around|some|nearly|almost|over|up|to)$/.test(toks[b]!.low)) b--;
  // "with at least 56 civilians killed": an absolute phrase after "with" is a reduced passive too.
  return (sawNoun || w.pos === 'NUM') && (b < 0 || /^(\.|;|:|,|and|with|--|—)$/.test(toks[b]!.low));
}

export const RULE_COUNT = RULES.length;
