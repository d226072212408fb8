import type { Proposal } from './propose.js';
import { sameActorRef, type ActorRef } from './roles.js';
import type { PlaceMention } from '../places/types.js';
import { datesFit, namesKnownActor, placesFit } from './continuation.js';

/**
 * One real-world occurrence is one event, however often it is told. A draft gathers the proposals that tell
 * it: the first is its main evidence; later ones refer back to it ("the executions", "They were killed on
 * Thursday", "3 militants were also killed") or tell it again.
 */
export interface Draft {
  parts: Proposal[];
  /** Told as a different occurrence from what came before ("in another attack"). */
  newMarker: boolean;
}

const KILL_WORDS = /^(execution|executions|killing|killings|murder|murders|massacre|deaths|death|assassination|bodies)$/;
const FIGHT_WORDS = /^(attack|attacks|assault|raid|raids|ambush|offensive|operation|fighting|fight|clash|clashes|battle|resistance|liberation|infiltrator)$/;
const BOMB_WORDS = /^(bomb|bombs|blast|explosion|bombing|ied|device|mine|landmine|explosives)$/;
const CROWD = new Set(['Protests', 'Riots']);
/** The people of a demonstration, named as the subject of what follows. */
const CROWD_NOUN = /^(demonstrators|protesters|protestors|marchers|rioters)$/;
/** Acts of violence a crowd does with its own hands. */
const ELIDED_ACTS = new Set(['attack', 'wound', 'kill', 'loot', 'riot', 'torture']);
/** How far a demonstration went; a draft told in several sentences takes the furthest. */
const SEVERITY: Record<string, number> = {
  'Peaceful protest': 0, 'Protest with intervention': 1, 'Violent demonstration': 2, 'Excessive force against protesters': 3,
};
const VIOLENT = new Set(['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots']);
const ARMED_CLS = new Set(['state', 'rebel', 'militia', 'identity', 'external', 'unidentified']);

/** How well a draft fits what a definite reference names; 0 means not at all. */
export function fit(d: Draft, head: string | null): number {
  const c = d.parts[0]!.coding;
  if (!head) return VIOLENT.has(c.type) ? 1 : 0;
  if (KILL_WORDS.test(head)) {
    if (c.type === 'Violence against civilians') return 3;
    return d.parts.some((p) => p.triggers.some((t) => t.kind === 'kill')) ? 2 : 0;
  }
  if (head === 'liberation') return c.subType === 'Government regains territory' ? 4 : c.type === 'Battles' ? 1 : 0;
  if (FIGHT_WORDS.test(head)) {
    if (c.type === 'Battles' && c.subType === 'Armed clash') return 3;
    if (c.type === 'Battles') return 2;
    // "The attack", "the raid" name an attack on civilians as well as one on forces (ACLED's VAC "Attack").
    if (c.type === 'Violence against civilians' && /^(attack|attacks|assault|raid|raids|ambush)$/.test(head)) return 2;
    return VIOLENT.has(c.type) ? 1 : 0;
  }
  if (BOMB_WORDS.test(head)) return c.type === 'Explosions/Remote violence' ? 3 : 0;
  if (/^(airstrike|airstrikes|strike|strikes)$/.test(head)) return c.subType === 'Air/drone strike' ? 3 : 0;
  if (/^(protest|protests|demonstration|demonstrations|rally|march|sit-in|strike)$/.test(head)) return c.type === 'Protests' || c.type === 'Riots' ? 3 : 0;
  return c.type === d.parts[0]!.coding.type ? 1 : 0;
}

function shiftDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Within two sentences of the draft's last part, in the same or the next paragraph (news paragraphs are short). */
function near(d: Draft, p: Proposal): boolean {
  const last = d.parts[d.parts.length - 1]!.view.sentence;
  const s = p.view.sentence;
  return s.index - last.index <= 2 && s.paragraph - last.paragraph <= 1;
}

/**
 * Where a draft that names no place of its own was told (the place of its sentences or paragraph, the
 * dateline, the story's focus), as the caller resolves it; null when unknown.
 */
export type WhereTold = (d: Draft) => PlaceMention | null;

/**
 * Nothing the proposal names contradicts the draft: its dates can overlap, its places are the draft's or near.
 * `toldAt`: a draft that names no place of its own still happened somewhere ("The RSF said it had seized the
 * airport" in a Khartoum story); a follow-up naming a place far from there ("In Darfur, three aid workers were
 * killed") is another occurrence, so its places are compared with where the draft was told.
 */
function fits(d: Draft, p: Proposal, toldAt?: WhereTold): boolean {
  // "The death toll rose to 44 on Monday": the day of a toll update is the day it was counted, not of the act.
  if (!tollUpdate(p) && !datesFit(p.dates, d.parts.flatMap((x) => x.dates))) return false;
  let told = d.parts.flatMap((x) => x.places);
  if (told.length === 0 && p.places.length > 0 && toldAt) {
    const at = toldAt(d);
    if (at) told = [at];
  }
  return placesFit(p.places, told);
}

/** The proposal tells only a toll and how it changed ("The death toll rose to 44 on Monday"). */
function tollUpdate(p: Proposal): boolean {
  return p.anaphor === 'definite' && p.triggers.every((t) => t.kind === 'kill' || t.kind === 'wound' || t.kind === 'killwound') &&
    p.triggers.some((t) => t.rule === 'death toll') && /\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|mounted|now stands|stood)\b/i.test(p.view.toks.map((x) => x.text).join(' '));
}

/** An actor the proposal names by name is one the draft named ("The RSF denied ..."). */
function sharesNamedActor(d: Draft, p: Proposal): boolean {
  return namesKnownActor(p.roles.named, d.parts.flatMap((x) => x.roles.named));
}

/**
 * A dated act of another kind after an undated one ("the town had been freed" / "forces entered the town on
 * Wednesday and faced fierce resistance"): the days before a capture are their own occurrence.
 */
function ownDay(d: Draft, p: Proposal): boolean {
  return p.dates.length > 0 && d.parts.every((x) => x.dates.length === 0) && p.coding.subType !== d.parts[0]!.coding.subType;
}

/**
 * A strike or shelling by an actor who is not a party to the battle told ("pounded by coalition air
 * strikes" during a ground assault) is coded apart, as ACLED codes air and ground actions apart; the
 * other side's own bombs ("The militants answered with car bombs") are part of the fight.
 */
function thirdParty(d: Draft, p: Proposal): boolean {
  const kinds = new Set([d.parts[0]!.coding.type, p.coding.type]);
  if (!(kinds.has('Battles') && kinds.has('Explosions/Remote violence'))) return false;
  const agent = p.roles.agent ?? d.parts.find((x) => x.roles.agent)?.roles.agent;
  if (!agent) return false;
  const parties = partiesOf(d);
  if (p.roles.agent) return !parties.some((x) => sameActorRef(x, p.roles.agent!));
  // The draft's agent with a weapon told by someone else: look at who the proposal names.
  return p.roles.named.some((n) => ['state', 'external', 'rebel', 'militia'].includes(n.cls) && !parties.some((x) => sameActorRef(x, n)));
}

/** Every actor the draft's parts name: agents, others and named ones. */
function partiesOf(d: Draft): ActorRef[] {
  return d.parts.flatMap((x) => [x.roles.agent, ...x.roles.others, ...x.roles.named]).filter((x): x is ActorRef => !!x);
}

const NON_STATE = new Set(['rebel', 'militia', 'identity', 'unidentified']);

/**
 * The actor takes part in the draft: named in it, or, said generically ("the militants"), the draft has an
 * armed group of that kind among its parties.
 */
function takesPart(d: Draft, r: ActorRef): boolean {
  return partiesOf(d).some((x) => sameActorRef(x, r) || (r.generic && NON_STATE.has(r.cls) && NON_STATE.has(x.cls)));
}

/**
 * The occurrence a follow-up goes on with. Usually the last one told; but when that one was a side action
 * told in passing ("Columns moved in after air strikes by the coalition") and the follow-up's armed actors
 * take no part in it while they take part in the occurrence it interrupted ("The militants answered with
 * car bombs"), the follow-up goes back to that one (up to two occurrences back, within four sentences). Its
 * targets and dead do not count, and a noun naming the side action ("The strikes killed ...") keeps it there.
 */
function resumed(drafts: Draft[], last: Draft, p: Proposal, toldAt?: WhereTold): Draft {
  // "The strikes killed six fighters": a noun naming the side action's own act keeps the follow-up with it.
  if (p.anaphorHead && fit(last, p.anaphorHead) >= 2) return last;
  // Only the actors that act in the follow-up count, not its targets or dead ("killed six fighters").
  const acted = p.roles.agent ? [p.roles.agent] : p.roles.named.filter((n) => !p.roles.others.some((o) => o.start === n.start) && !p.roles.victims.some((v) => v.group?.start === n.start));
  const mine = acted.filter((x) => x.cls !== 'civilians' && x.cls !== 'protesters');
  if (mine.length === 0 || mine.some((r) => takesPart(last, r))) return last;
  const i = drafts.indexOf(last);
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const d = drafts[k]!;
    const at = d.parts[d.parts.length - 1]!.view.sentence;
    const s = p.view.sentence;
    if (s.index - at.index > 4 || s.paragraph - at.paragraph > 2 || !VIOLENT.has(d.parts[0]!.coding.type) || !fits(d, p, toldAt)) continue;
    if (mine.some((r) => takesPart(d, r))) return d;
  }
  return last;
}

/**
 * A sentence that opens on an earlier period ("Last week armed groups stormed a camp", "Earlier this month,
 * ...", "Two weeks ago ...") turns to another occurrence, even where the dates cannot be resolved (an
 * undated page): news tells the day's incident first and what came before under such an opening.
 */
export function earlierPeriod(p: Proposal): boolean {
  const w = p.view.toks.slice(0, 5).map((t) => t.low);
  let k = 0;
  while (k < 2 && /^(and|but|meanwhile|separately|,)$/.test(w[k] ?? '')) k++;
  const [a, b, c, d] = w.slice(k);
  if (a === 'last' && /^(week|month|year|weekend|spring|summer|autumn|fall|winter)$/.test(b ?? '')) return true;
  if (a === 'earlier' && (b === 'this' || b === 'in' || b === 'last') && /^(week|month|year)$/.test(c ?? '')) return true;
  return /^(a|one|two|three|four|five|six|several|few)$/.test(a ?? '') && /^(days?|weeks?|months?|years?)$/.test(b ?? '') && c === 'ago' || (a === 'a' && b === 'few' && /^(days|weeks|months)$/.test(c ?? '') && d === 'ago');
}

/** Told with a count and a date of its own, a proposal is an occurrence in its own right. */
function ownOccurrence(p: Proposal): boolean {
  return p.hasTime && p.roles.victims.some((v) => v.count !== null) && !p.referring;
}

function agentOf(d: Draft): ActorRef | null {
  for (const p of d.parts) if (p.roles.agent) return p.roles.agent;
  return null;
}

/** Merges proposals into drafts, in text order. Weak proposals that refer to nothing are dropped. */
export function assemble(proposals: Proposal[], minScore: number, published: string | null = null, toldAt?: WhereTold): Draft[] {
  // An occurrence dated long before publication ("since ISIS seized the town two years ago") is background:
  // an undated "the assault" refers to the story's own events, not to it.
  const longAgo = published ? shiftDays(published, -60) : null;
  const background = (d: Draft) => !!longAgo && d.parts[0]!.coreDates.length > 0 && d.parts[0]!.coreDates.every((t) => t.end < longAgo);
  const drafts: Draft[] = [];
  let lastSentence = -1;
  let lastDraft: Draft | null = null;
  for (const p of proposals) {
    const sentence = p.view.sentence.index;
    let target: Draft | null = null;
    if (!p.seg.newMarker && p.anaphor) {
      if (p.anaphor === 'definite') {
        // The latest occurrence the noun fits ("the assault" after the town's assault is told), else the best fit.
        let best = 0;
        for (let k = drafts.length - 1; k >= 0; k--) {
          if (p.dates.length === 0 && background(drafts[k]!)) continue;
          // Only an occurrence whose day and place the reference can share is one it may point at.
          if (!fits(drafts[k]!, p, toldAt)) continue;
          const f = fit(drafts[k]!, p.anaphorHead);
          // "Armed groups stormed a camp. Nine people were killed in the attack.": the occurrence told in the
          // sentence just before, in the same paragraph, is the one the noun points at, whatever fits better.
          const prev = drafts[k]!.parts[drafts[k]!.parts.length - 1]!.view.sentence;
          if (k === drafts.length - 1 && f > 0 && prev.index === sentence - 1 && prev.paragraph === p.view.sentence.paragraph) {
            target = drafts[k]!;
            break;
          }
          if (f > best) {
            best = f;
            target = drafts[k]!;
          }
          if (best >= 2) break;
        }
      } else if (lastDraft) {
        const violentBoth = VIOLENT.has(lastDraft.parts[0]!.coding.type) && VIOLENT.has(p.coding.type);
        if (near(lastDraft, p) && violentBoth) target = resumed(drafts, lastDraft, p, toldAt);
      }
      // "3 militants were also killed" adds to the occurrence; a date or place it cannot share makes it a new one.
      if (target && !fits(target, p, toldAt)) target = null;
    }
    // A follow-up that refers back and names nothing new goes on telling the occurrence just told: "The
    // convoy was heading to Douentza when fighters opened fire", "The spokesman said dozens of militants
    // had been killed" (continuation.ts).
    if (!target && !p.seg.newMarker && lastDraft && near(lastDraft, p) && VIOLENT.has(lastDraft.parts[0]!.coding.type) &&
      VIOLENT.has(p.coding.type) && (p.referring || sharesNamedActor(lastDraft, p)) && fits(lastDraft, p, toldAt) && !ownOccurrence(p) && !earlierPeriod(p) &&
      !ownDay(lastDraft, p) && !thirdParty(lastDraft, p)) {
      target = resumed(drafts, lastDraft, p, toldAt);
    }
    // "Farmers protested in X. Police dispersed them with tear gas": the crowd's day goes on.
    if (!target && !p.seg.newMarker && lastDraft && CROWD.has(p.coding.type) && CROWD.has(lastDraft.parts[0]!.coding.type) &&
      sentence - lastSentence <= 2 && !(p.hasTime && lastDraft.parts[0]!.hasTime)) {
      target = lastDraft;
    }
    if (target) {
      target.parts.push(p);
      lastDraft = target;
      lastSentence = sentence;
      continue;
    }
    if (p.score < minScore) continue;
    const d: Draft = { parts: [p], newMarker: p.seg.newMarker };
    drafts.push(d);
    lastDraft = d;
    lastSentence = sentence;
  }
  for (const d of drafts) escalate(d);
  return mergeRetold(headlines(drafts));
}

/**
 * A headline tells in short what the first paragraph tells in full ("Militants kill 12 villagers in night
 * raid" / "Gunmen attacked the village ... killing 12 villagers"): the headline's event joins the next event
 * of the same type, whose fuller sentence becomes the main evidence.
 */
function headlines(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]!;
    const head = d.parts[0]!;
    const next = drafts[k + 1];
    if (head.view.sentence.kind === 'heading' && d.parts.length === 1 && next && next.parts[0]!.coding.type === head.coding.type &&
      next.parts[0]!.view.sentence.index - head.view.sentence.index <= 3) {
      next.parts.splice(1, 0, head);
      continue;
    }
    out.push(d);
  }
  return out;
}

/**
 * An attack foiled, told on with the attackers shot or killed ("The army foiled an attempt by two bombers. One
 * was shot ..."): forces engaging the attackers is a battle (ACLED: Disrupted weapons use is a weapon stopped
 * without a fight). Drafts joined later as one occurrence (occurrences.ts) pass here again. Recodes in place.
 */
export function foiledByFight(d: Draft): Draft {
  const main = d.parts[0]!;
  if (main.coding.subType !== 'Disrupted weapons use' || !main.triggers.some((t) => t.kind === 'defuse' && /^foiled|^thwarted/.test(t.rule))) return d;
  const fight = d.parts.some((p) => p !== main && p.triggers.some((t) => t.kind === 'shoot' || t.kind === 'kill' || t.kind === 'clash'));
  if (fight) main.coding = { ...main.coding, type: 'Battles', subType: 'Armed clash' };
  return d;
}

/**
 * A demonstration told over several sentences is coded by the furthest it went. A bomb, rocket or air attack
 * told with fire the other way in the same occurrence ("Mortar fire against the camp. ... followed by
 * gunfire", "the attack was repelled") is one battle (ACLED: E/RV and a battle between the same sides on
 * the same day are one Battles event); a strike by a side not in the fight was kept apart (thirdParty).
 */
function escalate(d: Draft): void {
  const main = d.parts[0]!;
  if (d.parts.length < 2) return;
  if (main.coding.type === 'Explosions/Remote violence') {
    const fight = d.parts.find((p) => p.coding.type === 'Battles' && p.coding.subType === 'Armed clash' && p.triggers.some((t) => t.kind === 'clash' || t.kind === 'shoot'));
    if (fight) main.coding = { ...main.coding, type: 'Battles', subType: 'Armed clash' };
    return;
  }
  if (main.coding.subType === 'Disrupted weapons use') {
    foiledByFight(d);
    return;
  }
  // Killings told with the clashes they happened in ("Ten people were killed between Borana and Samburu militias.
  // The clash was over water."): the dead are the battle's (ACLED: Battles rank above VAC for one occurrence, and
  // civilians who die in a battle join its total).
  if (main.coding.type === 'Violence against civilians' && main.coding.subType === 'Attack') {
    // (Not a fight with a side the killing did not involve: "Gunmen shot students. They later exchanged fire with
    // police" is two events, each pair its own.)
    const mainSides = [main.roles.agent, ...main.roles.others, ...main.roles.named].filter((x): x is ActorRef => !!x);
    const newSide = (p: Proposal) => [p.roles.agent, ...p.roles.others, ...p.roles.named].some((x) => !!x && ARMED_CLS.has(x.cls) && !mainSides.some((m) => m.name === x.name));
    const fight = d.parts.find((p) => p !== main && p.coding.type === 'Battles' && p.coding.subType === 'Armed clash' && !newSide(p) && p.triggers.some((t) => t.kind === 'clash' && /^(clash|clashes|clashed|fighting|fought|battle|battles|gunfight|gunfights|firefight|skirmish|skirmishes|hostilities|exchange|exchanged)/.test(p.view.toks[t.tokStart]!.low)));
    if (fight) main.coding = { ...main.coding, type: 'Battles', subType: 'Armed clash' };
    return;
  }
  if (!CROWD.has(main.coding.type)) return;
  // A crowd's violence told beside its demonstration ("members of a party clashed with police ... Police
  // fired tear gas to disperse the demonstrators") is the demonstration turned violent (ACLED: one Riots event).
  const demonstration = d.parts.some((p) => p.coding.type === 'Protests');
  const severity = (c: Proposal['coding']) => (c.type === 'Riots' && demonstration ? SEVERITY['Violent demonstration']! : SEVERITY[c.subType] ?? -1);
  let best = main.coding;
  for (const p of d.parts) {
    if (CROWD.has(p.coding.type) && severity(p.coding) > severity(best)) best = p.coding;
  }
  // "The demonstrators barricaded roads and assaulted a driver": an act of violence told with no subject of its
  // own, after the demonstrators are named in its sentence, is theirs: the demonstration turned violent.
  const crowdBefore = (p: Proposal, at: number) => d.parts.some((q) => q.view === p.view && q.triggers.some((t) => t.tokStart < at && CROWD_NOUN.test(q.view.toks[t.tokStart]!.low)));
  const elided = d.parts.find((p) => !p.roles.agent && p.triggers.some((t) => ELIDED_ACTS.has(t.kind) && t.verbal && !t.passive && crowdBefore(p, t.tokStart)));
  if (demonstration && elided && severity(best) < SEVERITY['Violent demonstration']!) best = { ...best, type: 'Riots', subType: 'Violent demonstration' };
  const subType = best.type === 'Riots' && demonstration ? 'Violent demonstration' : best.subType;
  if (best.type !== main.coding.type || subType !== main.coding.subType) main.coding = { ...main.coding, type: best.type, subType };
}

/**
 * The same occurrence told twice in different words ("ISIS executes civilians" in a headline, "ISIS is
 * carrying out mass executions of civilians" in the text): same coding, the same named perpetrator and the
 * same kind of target, and no date or place of its own that differs.
 */
function mergeRetold(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  // Candidates are indexed by coding and perpetrator, so a long document stays linear.
  const byKey = new Map<string, Draft[]>();
  const keyOf = (d: Draft, a: ActorRef) => `${d.parts[0]!.coding.type}|${d.parts[0]!.coding.subType}|${a.cls}|${a.name}`;
  for (const d of drafts) {
    const p = d.parts[0]!;
    const a = agentOf(d);
    const twin = d.newMarker || !a || a.generic ? undefined : (byKey.get(keyOf(d, a)) ?? []).find((o) => {
      const q = o.parts[0]!;
      const ta = p.roles.others[0];
      const tb = q.roles.others[0];
      if (ta && tb && ta.cls !== tb.cls) return false;
      // A retelling adds no date and no count of its own.
      if (p.hasTime) return false;
      if (p.roles.victims.some((v) => v.count !== null)) return false;
      return true;
    });
    if (twin) {
      twin.parts.push(...d.parts);
      continue;
    }
    out.push(d);
    const b = agentOf(d);
    if (b && !b.generic) {
      const k = keyOf(d, b);
      const list = byKey.get(k) ?? [];
      list.push(d);
      byKey.set(k, list);
    }
  }
  return out;
}
