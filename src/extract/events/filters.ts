import type { Tok } from '../quantities/view.js';
import { findTriggers, type Trigger } from './triggers.js';

/**
 * Triggers that do not tell that something happened: what may, will or should happen ("fighting is expected
 * to intensify"), what is aimed at ("an operation to free the city", "to deter airstrikes"), what is denied
 * ("no one was killed"), asked ("why the public execution?"), or a running campaign named as a state of
 * affairs ("the fight over Mosul is about a month old"). Each rule returns a reason.
 */

const MODALS = new Set(['will', 'would', "'ll", 'could', 'may', 'might', 'should', 'must', 'shall', 'can', 'cannot']);
const INTENT = /^(plan|plans|planned|planning|threaten|threatens|threatened|threatening|vow|vows|vowed|intend|intends|intended|aim|aims|aimed|expected|likely|set|going|want|wants|wanted|hope|hopes|hoped|prepare|prepares|preparing|ready|able|allowed|seek|seeks|sought|urged|called|decided|agreed|refused|promised|pledged|warned)$/;
const PREVENT = /^(deter|prevent|prevents|prevented|lament|laments|lamented|lamenting|decry|decried|decrying|deplore|deplored|deploring|foil|foils|foiled|thwart|thwarts|thwarted|avert|averts|averted|avoid|avoided|stop|stopped|halt|end|ending|condemn|condemned|condemns|denounce|denounced|fear|fears|feared|risk|threat|threats|possibility|prospect|warning|warnings|wake)$/;
/**
 * Nouns that make the act before them something planned, feared, faked or warned of, not done: "a bomb plot",
 * "rocket alerts", "air raid sirens".
 */
const PLANNED = /^(plan|plans|plot|plots|conspiracy|threat|threats|scare|hoax|alert|alerts|siren|sirens|warning|warnings|drill|drills)$/;
const COPULA = /^(is|was|are|were|has|have|had|continues|continued|remains|remained|entered|enters|will)$/;

export function unreal(toks: Tok[], t: Trigger, from: number): string | null {
  const i = t.tokStart;
  // A question does not tell.
  for (let k = toks.length - 1; k >= 0; k--) {
    if (toks[k]!.low === '?') return 'question';
    if (toks[k]!.pos !== 'PUNCT') break;
  }
  for (let k = i - 1, n = 0; k >= from && n < 4; k--, n++) {
    const w = toks[k]!.low;
    if (MODALS.has(w) && /^[a-z']/.test(toks[k]!.text)) return 'modal';
    if (w === 'to' && t.verbal) {
      // "to free the city", "expected to intensify" — but "killed to" is not how English puts an act.
      const before = toks[k - 1]?.low ?? '';
      if (!/^(used|began|started|continued|managed|came|went|appeared|seemed)$/.test(before)) return 'infinitive';
    }
    if (w === 'to' && !t.verbal && PREVENT.test(toks[k + 1]?.low ?? '')) return 'prevented';
    // "have agreed to a ceasefire", "signed": for an agreement, agreeing is the act itself.
    if (INTENT.test(w) && toks[k + 1]?.low === 'to' && !(t.kind === 'agreement' && /^(agreed|agree|agrees)$/.test(w))) return 'intent';
    // "lamenting the targeting of a hospital": a gerund after an article is a noun whatever its tag.
    // ("seven persons were feared dead": a hedge on the deaths, not a fear of them; see irrealis.ts)
    if (PREVENT.test(w) && !(w === 'feared' && k === i - 1 && /^(dead|killed)$/.test(toks[i]!.low)) && (!t.verbal || /^(the|a|an|this|that)$/.test(toks[i - 1]?.low ?? ''))) return 'prevented';
    if (/^(if|unless|whether)$/.test(w)) return 'hypothetical';
    if ((w === 'not' || w === "n't" || w === 'never') && t.verbal && n < 3) return 'negated';
    if (/^(nobody|none)$/.test(w) && t.verbal) return 'negated';
    // "The RSF denied targeting civilians": what is denied is not told as done.
    if (/^(denied|denies|deny|denying)$/.test(w) && n <= 1) return 'negated';
    if (w === 'no' && (n === 0 || toks[k + 1]?.low === 'one')) return 'negated';
    if (w === 'without' && !t.verbal && n <= 1) return 'negated';
    if (/^(of|for)$/.test(w) && PREVENT.test(toks[k - 1]?.low ?? '')) return 'prevented';
    if (!t.verbal && /^(more|hear|heard|hearing|see|seeing|seen)$/.test(w)) return 'generic';
  }
  // "people targeted for assistance", "areas targeted for vaccination": aid aimed at people, not an attack.
  if (t.kind === 'attack' && toks[t.tokEnd]?.low === 'for' && /^(assistance|aid|help|support|relief|funding|vaccination|vaccinations|treatment|resettlement|evacuation|recruitment|development|investment|inclusion|services)$/.test(toks[t.tokEnd + 1]?.low ?? '')) return 'not-violence';
  // "a bomb plot", "the serial blast plan": what was planned, not what happened.
  // The head may sit a few nouns on ("a serial bomb blast plan"): what heads the compound decides.
  if (!t.verbal) {
    let k = t.tokEnd;
    // "[rocket] alerts": a bracket an editor put around the noun is no head.
    while (k < Math.min(toks.length, t.tokEnd + 3) && (toks[k]!.pos === 'NOUN' || /^[\])]$/.test(toks[k]!.low)) && !PLANNED.test(toks[k]!.low)) k++;
    if (PLANNED.test(toks[k]?.low ?? '')) return 'planned';
  }
  // "an operation to rescue the victims and arrest the kidnappers": the second verb of the purpose too.
  if (t.verbal && toks[i]!.low === toks[i]!.lemma) {
    for (let k = i - 1; k >= Math.max(from, i - 10); k--) {
      const w = toks[k]!.low;
      if (/^[,;.:]$/.test(w)) break;
      if (w === 'to' && toks[k + 1]?.pos === 'VERB' && toks.slice(k + 2, i).some((x) => x.low === 'and' || x.low === 'or')) return 'infinitive';
    }
  }
  // "a blast at an election rally", "a bomber blew himself up during a march": a gathering named as where a bomb
  // went off is the bomb's target, not a demonstration told.
  if (t.kind === 'protest' && !t.verbal && /^(rally|rallies|demonstration|march|gathering|meeting|vigil)$/.test(toks[i]!.low) &&
    toks.slice(Math.max(0, i - 4), i).some((x) => /^(at|during|on|targeting|near)$/.test(x.low)) &&
    toks.some((x) => /^(bomb|bomber|bombers|bombing|blast|explosion|exploded|explosives|suicide|grenade|ied|blew)$/.test(x.low))) return 'venue';
  // "accounts of forces freeing villages", "cases of civilians being executed": told as a kind of thing.
  const definite = /^(the|these|those|this|that)$/.test(toks[i - 1]?.low ?? '');
  for (let k = i - 1; k >= Math.max(from, i - 6) && !definite; k--) {
    if (toks[k]!.low === 'of' && /^(accounts|reports|cases|stories|instances|examples|allegations|history|record|victims|survivors|prevention|awareness|threat|risk|fear|fears|dangers|reenactment|re-enactment|repeat|repetition|reminder|echo|echoes|memory|memories|anniversary|denials|denial)$/.test(toks[k - 1]?.low ?? '')) return 'generic';
  }
  // "fighting is expected to ...", "the fight over Mosul is about a month old"
  if (!t.verbal) {
    let k = t.tokEnd;
    while (k < toks.length && k < t.tokEnd + 4 && !COPULA.test(toks[k]!.low)) k++;
    if (k < toks.length && COPULA.test(toks[k]!.low)) {
      const after = toks.slice(k + 1, k + 7).map((x) => x.low).join(' ');
      if (/^(expected|likely|set|going|due|about) to\b/.test(after)) return 'intent';
      if (/\b(old|ongoing|underway|continuing|lasted|raged|dragged on)\b|\bin its \w+ (day|week|month|year)\b|^(entered|enters) its\b/.test(after)) return 'state-of-affairs';
      // "two military operations are deployed in the region": forces in place, not an act
      if (/^(deployed|stationed|based|present|active|in place)\b/.test(after)) return 'state-of-affairs';
    }
  }
  return null;
}

/**
 * "the fight to retake Mosul", "the battle for Aleppo", "an operation to free the city": a campaign named by
 * its aim, not an occurrence.
 */
export function campaignReference(toks: Tok[], t: Trigger): boolean {
  if (t.verbal) return false;
  if (!/^(fight|fighting|battle|offensive|operation|operations|war|campaign|push|assault)$/.test(toks[t.tokStart]!.low)) return false;
  const prev = toks[t.tokStart - 1]?.low ?? '';
  const prev2 = toks[t.tokStart - 2]?.low ?? '';
  const next = toks[t.tokEnd]?.low ?? '';
  if (next === 'to' && toks[t.tokEnd + 1]?.pos === 'VERB') return true;
  const definite = /^(the|this|that|its|their)$/.test(prev) || /^(the|this|that|its|their)$/.test(prev2);
  return definite && /^(to|for|over|against)$/.test(next);
}

/**
 * A bare plural after a preposition names a kind of act, not one ("used as shields against attacks",
 * "cleansing the city from IEDs"): no article, figure or actor makes it specific.
 */
export function barePlural(toks: Tok[], t: Trigger): boolean {
  if (t.verbal || t.tokEnd - t.tokStart > 1) return false;
  const w = toks[t.tokStart]!;
  if (!/s$/.test(w.low) || w.pos === 'VERB') return false;
  const prev = toks[t.tokStart - 1];
  // "Dozens of fatalities", "hundreds of deaths": a count of the noun's own instances, not a generic.
  if (prev?.low === 'of' && /^(dozens|scores|hundreds|thousands|tens|number|lot|lots)$/.test(toks[t.tokStart - 2]?.low ?? '')) return false;
  // "Two days of clashes", "a night of air strikes", "three rounds of attacks": the acts of a span of a few
  // days, one incident told over its days. (Weeks, months and years of them are a campaign: still a kind.)
  if (prev?.low === 'of' && /^(days?|nights?|hours|rounds?)$/.test(toks[t.tokStart - 2]?.low ?? '')) return false;
  return !!prev && prev.pos === 'ADP' && /^(against|from|of|to|about|for|with|by|amid|despite)$/.test(prev.low);
}

/** The rule that reads a bare aircraft noun as an air strike (triggers.ts). */
const AIRCRAFT_RULE = 'warplane|warplanes|jets|airplanes|aircraft|helicopters|drones';
/** Verbs aircraft strike with ("warplanes pounded", "drones hit", "helicopters fired on"). */
const STRIKE_VERB = /^(struck|strike|strikes|striking|hit|hits|hitting|pounded|pound|pounds|pounding|bombed|bomb|bombs|bombing|bombarded|targeted|target|targets|targeting|fired|fire|fires|firing|attacked|attack|attacks|attacking|shelled|raided|raid|killed|kill|kills|killing|destroyed|destroy|destroys|dropped|drop|drops|launched|launch|conducted|carried|hammered|blasted|strafed|rocketed|pummelled|pummeled|rained|opened|flattened|levelled|leveled|wounded|injured)$/;
/** Nouns of an attack that aircraft carry out ("strikes by coalition aircraft", "fire from helicopters"). */
const STRIKE_NOUN = /^(strikes?|raids?|bombing|bombings|bombardment|attacks?|fire|sorties|missiles?|rockets?|bombs?)$/;

/**
 * Aircraft named without an attack they make are no strike: "to hide their positions from coalition
 * aircraft", "the sound of drones overhead", "aircraft circled the city". The noun counts only when a strike
 * verb has it as subject in its clause ("Warplanes pounded the ridge", "drones on Monday hit a truck"), when
 * it is the agent of a passive or strike noun ("were hit by drones", "strikes by coalition aircraft").
 */
export function idleAircraft(toks: Tok[], t: Trigger): boolean {
  if (t.rule !== AIRCRAFT_RULE) return false;
  // a strike verb after the noun, in its clause
  for (let k = t.tokEnd; k < Math.min(toks.length, t.tokEnd + 6); k++) {
    const w = toks[k]!;
    if (/^[.;:,]$/.test(w.low) && !(w.low === ',' && k === t.tokEnd)) break;
    if (/^(who|which|that|to)$/.test(w.low)) break;
    if (STRIKE_VERB.test(w.low) && (w.pos === 'VERB' || w.pos === 'AUX' || k > t.tokEnd)) return false;
  }
  // the agent of a passive or of a strike noun: "killed by drones", "strikes by coalition aircraft"
  for (let k = t.tokStart - 1; k >= Math.max(0, t.tokStart - 4); k--) {
    const w = toks[k]!.low;
    if (/^[.;:,]$/.test(w)) break;
    if (w === 'by' || (w === 'from' && STRIKE_NOUN.test(toks[k - 1]?.low ?? ''))) return false;
  }
  return true;
}

/**
 * Fires set for cover are no destruction of property: "militants set fire to tyres and oil trenches to hide
 * their positions from aircraft", "torched oil wells to blind drones", "burned tyres as a smoke screen".
 * A burning or torching followed in its clause by a purpose of concealment is a tactic, not an event.
 */
export function smokeScreen(toks: Tok[], t: Trigger): boolean {
  if (t.kind !== 'loot') return false;
  for (let k = t.tokEnd; k < Math.min(toks.length, t.tokEnd + 18); k++) {
    const w = toks[k]!.low;
    if (/^[.;]$/.test(w)) break;
    if (w === 'to' && /^(hide|conceal|obscure|mask|screen|cover|blind|shield|camouflage|disguise)$/.test(toks[k + 1]?.low ?? '')) return true;
    if (/^(smokescreen|smokescreens)$/.test(w) || (w === 'smoke' && /^(screens?|cover)$/.test(toks[k + 1]?.low ?? ''))) return true;
  }
  return false;
}

/** Accidents and disasters that kill without anyone acting: no political violence (ACLED codes none). */
const MISHAP = /^(crash|crashes|collision|collisions|accident|accidents|stampede|crush|blaze|blazes|inferno|flood|floods|flooding|landslide|landslides|mudslide|mudslides|earthquake|quake|storm|storms|cyclone|hurricane|typhoon|tornado|collapse|heatwave|lightning|avalanche|tsunami|outbreak|epidemic|cholera|derailment|capsizing|shipwreck)$/;
/** "A fire", "the market fire": a blaze. (Gunfire, "army fire", "artillery fire" and "sniper fire" are shots.) */
const BLAZE_BEFORE = /^(a|an|the|massive|huge|big|deadly|major|house|home|market|building|factory|forest|bush|wild|hospital|school|tanker|kitchen)$/;
/** Acts that make a death political violence even beside a mishap ("a crash after gunmen opened fire"). */
const VIOLENT_KINDS = new Set(['attack', 'clash', 'shoot', 'abduct', 'sexual', 'torture', 'ied', 'suicide', 'air', 'shell', 'grenade', 'bomb', 'riot', 'mob', 'intervene']);

function mishapAt(toks: Tok[], k: number): boolean {
  const w = toks[k]?.low ?? '';
  if (!MISHAP.test(w) && !(/^fires?$/.test(w) && BLAZE_BEFORE.test(toks[k - 1]?.low ?? ''))) return false;
  // "A fire set by militants", "a crash caused by the gunmen": someone acted.
  return !/^(set|started|lit|caused|sparked|triggered|deliberately)$/.test(toks[k + 1]?.low ?? '');
}

/**
 * Deaths an accident or a disaster caused: "a stampede killed 12 people", "a bus crash killed nine", "nine
 * died in a fire at the market", "were killed in floods". No one acted, so there is no event (they had been
 * coded as attacks on civilians by an unidentified armed group). Unless the clause also tells an act of
 * violence, or names who caused it ("a crash caused by a roadside bomb" holds a bomb).
 */
export function mishapToll(toks: Tok[], t: Trigger, from: number, to: number): boolean {
  if (t.kind !== 'kill' && t.kind !== 'wound' && t.kind !== 'killwound') return false;
  if (findTriggers(toks).some((x) => x.tokStart >= from && x.tokStart < to && VIOLENT_KINDS.has(x.kind))) return false;
  // The cause as the subject: "a stampede killed", "the bus crash on the highway killed".
  if (t.verbal && !t.passive) {
    for (let k = t.tokStart - 1, n = 0; k >= from && n < 10; k--, n++) {
      if (/^[,;:]$/.test(toks[k]!.low) || toks[k]!.pos === 'VERB') break;
      if (mishapAt(toks, k)) return true;
    }
  }
  // The cause after the outcome: "were killed in a bus crash", "died in floods", "killed when a wall collapsed".
  for (let k = t.tokEnd; k < Math.min(to, t.tokEnd + 4); k++) {
    const w = toks[k]!.low;
    if (/^(in|by|during|after|from|when)$/.test(w)) {
      for (let j = k + 1; j < Math.min(to, k + 6); j++) {
        if (mishapAt(toks, j) || (w === 'when' && /^(collapsed|capsized|overturned|derailed|caved|crashed|sank)$/.test(toks[j]!.low))) return true;
        if (/^[,;:.]$/.test(toks[j]!.low)) break;
      }
      break;
    }
  }
  return false;
}
