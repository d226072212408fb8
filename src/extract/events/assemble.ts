import type { Proposal } from './propose.js';
import type { ActorRef } from './roles.js';

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
/** How far a demonstration went; a draft told in several sentences takes the furthest. */
const SEVERITY: Record<string, number> = {
  'Peaceful protest': 0, 'Protest with intervention': 1, 'Violent demonstration': 2, 'Excessive force against protesters': 3,
};
const VIOLENT = new Set(['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots']);

/** How well a draft fits what a definite reference names; 0 means not at all. */
function fit(d: Draft, head: string | null): number {
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
    return VIOLENT.has(c.type) ? 1 : 0;
  }
  if (BOMB_WORDS.test(head)) return c.type === 'Explosions/Remote violence' ? 3 : 0;
  if (/^(airstrike|airstrikes|strike|strikes)$/.test(head)) return c.subType === 'Air/drone strike' ? 3 : 0;
  if (/^(protest|protests|demonstration|demonstrations|rally|march|sit-in|strike)$/.test(head)) return c.type === 'Protests' || c.type === 'Riots' ? 3 : 0;
  return c.type === d.parts[0]!.coding.type ? 1 : 0;
}

function agentOf(d: Draft): ActorRef | null {
  for (const p of d.parts) if (p.roles.agent) return p.roles.agent;
  return null;
}

/** Merges proposals into drafts, in text order. Weak proposals that refer to nothing are dropped. */
export function assemble(proposals: Proposal[], minScore: number): Draft[] {
  const drafts: Draft[] = [];
  let lastSentence = -1;
  let lastDraft: Draft | null = null;
  for (const p of proposals) {
    const sentence = p.view.sentence.index;
    let target: Draft | null = null;
    if (!p.seg.newMarker && p.anaphor) {
      if (p.anaphor === 'definite') {
        let best = 0;
        for (let k = drafts.length - 1; k >= 0; k--) {
          const f = fit(drafts[k]!, p.anaphorHead);
          if (f > best) {
            best = f;
            target = drafts[k]!;
          }
          if (best >= 3) break;
        }
      } else if (lastDraft) {
        const close = sentence - lastSentence <= 2;
        const lastPart = lastDraft.parts[lastDraft.parts.length - 1]!;
        const sameParagraph = lastPart.view.sentence.paragraph === p.view.sentence.paragraph;
        const violentBoth = VIOLENT.has(lastDraft.parts[0]!.coding.type) && VIOLENT.has(p.coding.type);
        if (close && (sameParagraph || p.anaphor === 'pronoun') && violentBoth) target = lastDraft;
      }
      // "3 militants were also killed" adds to the occurrence; a new place or date makes it a new one.
      if (target && p.anaphor === 'outcome' && (p.hasTime || (p.hasPlace && sentence !== lastSentence))) target = null;
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

/** A demonstration told over several sentences is coded by the furthest it went. */
function escalate(d: Draft): void {
  const main = d.parts[0]!;
  if (!CROWD.has(main.coding.type) || d.parts.length < 2) return;
  let best = main.coding;
  for (const p of d.parts) {
    if (CROWD.has(p.coding.type) && (SEVERITY[p.coding.subType] ?? -1) > (SEVERITY[best.subType] ?? -1)) best = p.coding;
  }
  if (best !== main.coding) main.coding = { ...main.coding, type: best.type, subType: best.subType };
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
