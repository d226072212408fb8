import type { Fatalities } from './types.js';
import type { Draft } from './assemble.js';
import type { ActorRef } from './roles.js';

/**
 * Fatalities by ACLED's conventions: reported deaths only (the wounded are not counted, nor a figure of
 * "killed and wounded" together); the dead of all sides in the occurrence add up; when sources differ on
 * the same dead, the most conservative figure stands; a range counts its low end; no number, no figure
 * (null). A coding note in the text ("Fatalities coded as 0") is the final word.
 *
 * Across the evidence of one event (a headline, the lead, a quote, a toll paragraph), a figure is never added
 * to another figure for the same dead:
 * - an update supersedes what came before, higher or lower ("the death toll has risen to 64", "now stands
 *   at"); a figure told as superseded ("initial reports had five dead") counts only while nothing else does;
 * - a later sentence that says "also" (or "another", "N more", "N other") adds its dead;
 * - dead of another side (soldiers after militants) add;
 * - otherwise the figure is another account of the same dead: the lower stands (ACLED), unless it is less
 *   than half the figure held, which makes it a part of the dead ("two bodies were carried away", "27 of the
 *   dead were policemen"), not a rival count;
 * - a claim made by the perpetrator itself ("Taliban sources said", "VoJ claimed") never adds.
 */
export function fatalitiesOf(d: Draft, claimedBy: (p: Draft['parts'][number]) => ActorRef | null, note: number | null, following = ''): Fatalities | null {
  if (note !== null) return { low: note, best: note, high: note };
  let totals = new Map<string, Count>();
  let provisional = false;
  /** The figure held is the perpetrator's own claim ("The rebels claimed killing four"). */
  let claimed = false;
  const agent = d.parts.find((p) => p.roles.agent)?.roles.agent ?? null;
  d.parts.forEach((p, idx) => {
    const words = p.view.toks.map((t) => t.text).join(' ');
    const how = howTold(words, p.anaphor === 'also');
    const seg = deadOf(p, how === 'update');
    if (process.env.DBG_OCC) console.error('    DEAD', how, JSON.stringify([...seg]), words.slice(0, 60));
    if (process.env.DBG_OCC) for (const v of p.roles.victims) console.error("      VICTIM", v.count, v.outcome, p.view.toks.slice(v.tok, v.tokEnd).map((t) => t.text).join(" "), "<-", p.view.toks[v.trigger]?.text);
    if (seg.size === 0) return;
    // A later claim the text itself disputes adds no dead (see contestedClaim).
    if (idx > 0 && contestedClaim(words)) return;
    const claimant = idx > 0 ? claimedBy(p) : null;
    const perpetratorClaim = !!(claimant && agent && claimant.name === agent.name);
    if (totals.size === 0 || (provisional && how !== 'superseded')) {
      if (perpetratorClaim && totals.size > 0) return;
      totals = new Map([...seg].map(([k, v]) => [k, { ...v }]));
      provisional = how === 'superseded';
      claimed = perpetratorClaim;
      return;
    }
    if (how === 'superseded') return;
    if (how === 'update') {
      if (perpetratorClaim) return;
      totals = new Map([['unknown', sum(seg)]]);
      return;
    }
    for (const [key, val] of seg) {
      const match = [...totals.keys()].find((k) => sameDead(k, key));
      if (!match) {
        if (!perpetratorClaim) totals.set(key, { ...val });
        continue;
      }
      const have = totals.get(match)!;
      if (how === 'additional' && !perpetratorClaim) {
        have.best += val.best;
        have.high = have.high === null || val.high === null ? null : have.high + val.high;
      } else if (val.best < have.best && (val.best * 2 >= have.best || (claimed && !perpetratorClaim))) {
        // (A lower figure after the perpetrator's own claim is the other side's account: the lowest stands.)
        have.best = val.best;
        have.high = val.high;
      }
    }
  });
  if (totals.size === 0) {
    // "No casualties were reported" is often the sentence after the one that tells the event.
    const text = d.parts.map((p) => p.view.toks.map((t) => t.low).join(' ')).join(' ') + ' ' + following.toLowerCase();
    if (/\bno (?:casualties|fatalities|deaths|one was (?:killed|hurt|injured)|injuries)\b|\bnobody was (?:killed|hurt)\b|\bwithout (?:casualties|fatalities)\b|\bno casualties were\b/.test(text)) {
      return { low: 0, best: 0, high: 0 };
    }
    return null;
  }
  const all = sum(totals);
  return { low: all.best, best: all.best, high: all.high };
}

interface Count {
  best: number;
  high: number | null;
}

function sum(m: Map<string, Count>): Count {
  let best = 0;
  let high: number | null = 0;
  for (const v of m.values()) {
    best += v.best;
    high = high === null || v.high === null ? null : high + v.high;
  }
  return { best, high };
}

/**
 * The dead one evidence tells, by side: the victims of its killings, summed within the clause. An update
 * gives one toll ("has climbed to 64 after five more bodies were found"): its largest figure.
 */
function deadOf(p: Draft['parts'][number], update: boolean): Map<string, Count> {
  const seg = new Map<string, Count>();
  if (update) {
    const top = p.roles.victims.filter((v) => v.outcome === 'kill' && v.count !== null).sort((a, b) => b.count! - a.count!)[0];
    if (top) seg.set('unknown', { best: top.count!, high: top.high });
    return seg;
  }
  for (const v of p.roles.victims) {
    if (v.outcome !== 'kill' || v.count === null || notPeople(p.view.toks, v) || comparedPast(p.view.toks, v.trigger)) continue;
    const key = v.group ? `${v.group.cls}|${v.group.generic ? v.group.name.replace(/\{country\}/, '') : v.group.name}` : sideOf(p, v);
    const cur = seg.get(key) ?? { best: 0, high: 0 };
    cur.best += v.count;
    cur.high = cur.high === null || v.high === null ? null : cur.high + v.high;
    seg.set(key, cur);
  }
  return seg;
}

/** Nouns for members of state forces, when the figure's noun was read as no actor ("Two soldiers reported dead"). */
const STATE_HEAD = /^(soldiers?|troops|servicem[ae]n|policem[ae]n|police|officers?|gendarmes?|guardsm[ae]n)$/;

/**
 * The side of dead told without a group: a figure naming state forces is theirs; the object of a killing an
 * armed side did ("troops ..., killing 14") is that side's enemy, so the agent's own dead told after it ("Five
 * soldiers reported dead") add to them (ACLED: the dead of all sides together), while any other figure may be
 * another account of the same dead.
 */
function sideOf(p: Draft['parts'][number], v: { tok: number; tokEnd: number; trigger: number }): string {
  const head = p.view.toks[v.tokEnd - 1]?.low ?? '';
  if (v.tokEnd - v.tok > 1 && STATE_HEAD.test(head)) return 'state|';
  const agent = p.roles.agent;
  if (agent && v.tok > v.trigger && agent.cls === 'state') return 'enemy-of|state';
  return 'unknown';
}

/** Heads of a counted noun phrase that names no people: animals, posts and sites, vehicles, weapons, buildings. */
const NOT_PEOPLE_HEAD = /^(families|family|households?|clans?|oxen|ox|cows?|cattle|bulls?|sheep|goats?|camels?|donkeys?|horses?|livestock|animals?|poultry|chickens?|dogs?|herds?|posts?|checkpoints?|bases?|positions?|camps?|vehicles?|cars?|trucks?|buses|motorbikes?|motorcycles?|tanks?|houses?|homes?|huts?|shops?|buildings?|schools?|churches|mosques?|rifles?|guns?|weapons?|rounds?|rockets?|mortars?|shells?)$/;

/** Words for what "one of the ..." picks out when it is not a person: "one of the bloodiest incidents". */
const NOT_PERSON = /^(incidents?|attacks?|days?|episodes?|events?|strikes?|raids?|massacres?|bombings?|assaults?|tragedies|disasters?|worst|deadliest|bloodiest|largest|biggest|most|few|many|main|key|major|first|latest|series|cases?|times?)$/;

const PERSON_HEAD = /^(commanders?|leaders?|chiefs?|fighters?|members?|officials?|soldiers?|officers?|policem[ae]n|guards?|troops|men|women|children|boys?|girls?|wom[ae]n|m[ae]n|civilians?|villagers?|residents?|farmers?|herders?|traders?|students?|pupils?|teachers?|workers?|journalists?|doctors?|nurses?|supporters?|suspects?|militants?|gunmen|recruits?|elders?|clerics?|cadres?|spokesm[ae]n|personnel|staff)$/;

/**
 * A victim the roles read that names no dead person: a group's noun used as a modifier ("an airstrike on a
 * rebel music concert", "the rebel-fired missile"), or "one of the bloodiest incidents" (a kind of act).
 */
function notPeople(toks: Draft['parts'][number]['view']['toks'], v: { tok: number; tokEnd: number }): boolean {
  const first = toks[v.tok]!;
  // "killed forty oxen", "1 killed at two army posts": ACLED counts dead people, not animals, sites or things.
  // ("10 members of a family" are people: the head is the noun before "of".)
  if (v.tokEnd - v.tok > 1 && NOT_PEOPLE_HEAD.test(toks[v.tokEnd - 1]!.low) && !toks.slice(v.tok, v.tokEnd).some((t) => t.low === 'of')) return true;
  const next = toks[v.tokEnd];
  // "Besides the 13 killed, 15 were wounded": the figure's own verb says hurt, not dead.
  if (/^(were|was|had|have|has)$/.test(next?.low ?? '')) {
    const verb = toks.slice(v.tokEnd + 1, v.tokEnd + 3).find((t) => !/^(been|also|reportedly|seriously|critically|badly|slightly)$/.test(t.low));
    // ("was kidnapped and killed" is dead)
    const after = toks.slice(v.tokEnd + 2, v.tokEnd + 7).map((t) => t.low);
    if (verb && /^(wounded|injured|hurt|hospitali[sz]ed|missing|abducted|kidnapped|arrested|rescued|evacuated)$/.test(verb.low) &&
      !after.some((w) => /^(killed|executed|murdered|dead|died|beheaded|slain|shot)$/.test(w))) return true;
  }
  // "a militant commander", "a Taliban leader": the noun after it is the person, who still counts.
  // ("executed an elderly man abducted the day before": a participle the tagger took for a noun modifies nothing.)
  const modifier = next && (next.low === '-' || (next.pos === 'NOUN' && /^[a-z]/.test(next.text) && !PERSON_HEAD.test(next.low) && !/[a-z]ed$/.test(next.low)));
  if (v.tokEnd - v.tok === 1 && first.pos !== 'NUM' && /^[a-z]/.test(first.text) && modifier) return true;
  if (first.low === 'one' && toks[v.tok + 1]?.low === 'of') {
    for (let k = v.tok + 2; k < Math.min(toks.length, v.tok + 6); k++) {
      if (NOT_PERSON.test(toks[k]!.low)) return true;
      if (!/^(the|its|their|this|these|those)$/.test(toks[k]!.low) && toks[k]!.pos !== 'ADJ') break;
    }
  }
  return false;
}

/**
 * The killing is told in a clause that recalls an earlier act to compare with: "the bloodiest attack since
 * January 2018, when a suicide bomber killed more than 30 people", "the worst since 2016, in which 40 died".
 * Its dead are that act's.
 */
function comparedPast(toks: Draft['parts'][number]['view']['toks'], trigger: number): boolean {
  let when = -1;
  for (let k = trigger - 1; k >= 0; k--) {
    const w = toks[k]!.low;
    if (w === ';') return false;
    if (when < 0 && (w === 'when' || (w === 'which' && /^(in|during)$/.test(toks[k - 1]?.low ?? '')))) when = k;
    if (w === 'since' && when > k) return true;
  }
  return false;
}

/** Sides whose dead are told apart: armed sides by name; civilians; people told without a side are any. */
function sameDead(a: string, b: string): boolean {
  if (a === b || a === 'unknown' || b === 'unknown') return true;
  const [ca, na] = a.split('|');
  const [cb, nb] = b.split('|');
  // The enemy of a side is never that side.
  if (ca === 'enemy-of' || cb === 'enemy-of') return ca === 'enemy-of' ? na !== cb : nb !== ca;
  // "13 officers" and "13 police" are one state side however the template was filled.
  return ca === 'state' && cb === 'state';
}

type HowTold = 'update' | 'superseded' | 'additional' | 'retold';

/** Toll words a figure of the dead is told with. */
const TOLL = String.raw`(?:death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed|victims|fatalities)|fatalities|casualties|dead)`;
const UPDATE = new RegExp(String.raw`\b${TOLL}\b[^.;]{0,80}?\b(?:has\s+|had\s+)?(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|jumps|increased|increases|reached|reaches|mounted|mounts|surged|soared|grew|grown|was\s+raised|been\s+raised|revised|now\s+stands|stood|now\s+at|updated)\b|\b(?:raised|revised|updated)\s+(?:the|its|their)\s+${TOLL}`, 'i');
const SUPERSEDED = /\b(?:initial(?:ly)?|earlier|first|preliminary|previous(?:ly)?)\s+(?:reports?|tolls?|figures?|counts?|estimates?|tallies|tally|accounts?)\b|\binitially\b/i;
const ADDITIONAL = /\b(?:another|other|more|additional|further)\s+(?:\d[\d,]*\s+)?(?:people|persons|civilians|soldiers|militants|fighters|officers|policemen|bodies|victims)\b|\b\d[\d,]*\s+(?:more|other|additional|further)\b|\bin addition\b/i;

/** How an evidence tells its figure against the figures told before it. */
function howTold(words: string, also: boolean): HowTold {
  if (SUPERSEDED.test(words)) return 'superseded';
  if (UPDATE.test(words)) return 'update';
  if (also || ADDITIONAL.test(words)) return 'additional';
  return 'retold';
}

/**
 * A claim the same sentence says is denied or could not be confirmed: "The army said it had killed 20
 * rebels, which the M23 denied", "... killed dozens of the attackers, a claim that could not be confirmed".
 * ACLED keeps to the most conservative figure, so a follow-up like that adds no dead to the occurrence.
 * Not a denial of who did it ("denied involvement"), which says nothing about the dead.
 */
export function contestedClaim(sentence: string): boolean {
  return /(?:,\s*which|\b(?:a|the)\s+claims?(?:\s+that)?)\b[^.;]{0,60}?\b(?:denied|denies|rejected|rejects|disputed|disputes|(?:could|can)\s*(?:not|n't)\s+be\s+(?:independently\s+)?(?:verified|confirmed))\b(?!\s+(?:any\s+)?(?:involvement|responsibility|role))/i.test(sentence);
}

