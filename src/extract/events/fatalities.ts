import type { Fatalities } from './types.js';
import type { Draft } from './assemble.js';
import type { ActorRef } from './roles.js';

/**
 * Fatalities by ACLED's conventions: reported deaths only (the wounded are not counted, nor a figure of
 * "killed and wounded" together); the dead of all sides in the occurrence add up; when sources differ on
 * the same dead, the most conservative figure stands; a range counts its low end; no number, no figure
 * (null). A coding note in the text ("Fatalities coded as 0") is the final word.
 *
 * Across the evidence of one event: a later sentence that says "also" adds its dead; one that gives other
 * dead (a different side) adds them too; one that gives a figure for dead already counted is an
 * alternative claim and only lowers it; a claim made by the perpetrator itself ("Taliban sources said",
 * "VoJ claimed") never adds.
 */
export function fatalitiesOf(d: Draft, claimedBy: (p: Draft['parts'][number]) => ActorRef | null, note: number | null, following = ''): Fatalities | null {
  if (note !== null) return { low: note, best: note, high: note };
  const totals = new Map<string, { best: number; high: number | null }>();
  let any = false;
  const agent = d.parts.find((p) => p.roles.agent)?.roles.agent ?? null;
  d.parts.forEach((p, idx) => {
    const seg = new Map<string, { best: number; high: number | null }>();
    for (const v of p.roles.victims) {
      if (v.outcome !== 'kill' || v.count === null) continue;
      const key = v.group ? `${v.group.cls}|${v.group.generic ? v.group.name.replace(/\{country\}/, '') : v.group.name}` : 'unknown';
      const cur = seg.get(key) ?? { best: 0, high: 0 };
      cur.best += v.count;
      cur.high = cur.high === null || v.high === null ? null : cur.high + v.high;
      seg.set(key, cur);
    }
    if (seg.size === 0) return;
    // A later claim the text itself disputes adds no dead (see contestedClaim).
    if (idx > 0 && contestedClaim(p.view.toks.map((t) => t.text).join(' '))) return;
    const claimant = idx > 0 ? claimedBy(p) : null;
    const perpetratorClaim = !!(claimant && agent && claimant.name === agent.name);
    for (const [key, val] of seg) {
      const have = totals.get(key);
      if (!have) {
        if (perpetratorClaim && any) continue;
        totals.set(key, { ...val });
      } else if (p.anaphor === 'also' && !perpetratorClaim) {
        have.best += val.best;
        have.high = have.high === null || val.high === null ? null : have.high + val.high;
      } else if (val.best < have.best) {
        have.best = val.best;
        have.high = val.high;
      }
      any = true;
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
  let best = 0;
  let high: number | null = 0;
  for (const v of totals.values()) {
    best += v.best;
    high = high === null || v.high === null ? null : high + v.high;
  }
  return { low: best, best, high };
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

