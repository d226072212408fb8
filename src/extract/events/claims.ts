import type { Doc } from '../../core/document.js';
import type { TextSpan } from '../../core/span.js';
import type { Certainty } from './types.js';
import type { SentenceView } from '../quantities/view.js';
import { attributionFor } from '../claims/attribution.js';
import { certaintyCues, hedgeSpans, CERTAINTY_RANK, type CertaintyCue } from '../claims/certainty.js';
import type { Draft } from './assemble.js';

/**
 * Refiner: who says each event happened (the attributions covering its evidence) and how sure the outlet
 * is. A certainty cue covers the events told in its own sentence; a cue elsewhere covers the latest event
 * it names ("could not independently confirm the killings" covers the killings told before), or, naming
 * nothing in particular ("the account", "this"), the event told in the two sentences before it.
 */
export interface DraftClaims {
  sources: TextSpan[];
  certainty: Certainty;
  hedges: TextSpan[];
}

const KILL = /^(killings?|executions?|murders?|massacres?|deaths?|shootings?|assassinations?|beheadings?)$/;
const FIGHT = /^(attacks?|assaults?|raids?|ambush(es)?|clash(es)?|fighting|battles?|offensive|operations?)$/;
const BOMB = /^(bombings?|blasts?|explosions?|bombs?)$/;

function names(d: Draft, head: string): boolean {
  const c = d.parts[0]!.coding;
  if (KILL.test(head)) return c.type === 'Violence against civilians' || d.parts.some((p) => p.triggers.some((t) => t.kind === 'kill'));
  if (FIGHT.test(head)) return c.type === 'Battles' || c.type === 'Explosions/Remote violence';
  if (BOMB.test(head)) return c.type === 'Explosions/Remote violence';
  return false;
}

export function draftClaims(doc: Doc, drafts: Draft[], views: SentenceView[]): Map<Draft, DraftClaims> {
  const out = new Map<Draft, DraftClaims>();
  for (const d of drafts) {
    const sources: TextSpan[] = [];
    const hedges: TextSpan[] = [];
    for (const p of d.parts) {
      const t = p.coding.main;
      const at = { start: p.view.toks[t.tokStart]!.start, end: p.view.toks[t.tokEnd - 1]!.end };
      const a = attributionFor(p.attributions, at) ?? attributionFor(p.attributions, p.span);
      if (a && !sources.some((s) => s.start === a.source.start)) sources.push({ ...a.source });
      for (const h of hedgeSpans(doc.text, p.view.start, p.view.end)) if (!hedges.some((x) => x.start === h.start)) hedges.push(h);
    }
    out.set(d, { sources, certainty: 'reported', hedges });
  }
  const bump = (d: Draft, c: CertaintyCue) => {
    const cl = out.get(d)!;
    if (CERTAINTY_RANK[c.certainty] > CERTAINTY_RANK[cl.certainty]) cl.certainty = c.certainty;
  };
  const sentenceOf = (d: Draft) => d.parts.map((p) => p.view.sentence.index);
  for (const v of views) {
    const cues = certaintyCues(doc.text.slice(v.start, v.end), v.start);
    for (const c of cues) {
      const here = drafts.filter((d) => sentenceOf(d).includes(v.sentence.index));
      if (here.length) {
        for (const d of here) bump(d, c);
        continue;
      }
      const before = drafts.filter((d) => sentenceOf(d).some((s) => s < v.sentence.index));
      const last = (ds: Draft[]) => ds.reduce<Draft | null>((best, d) => {
        const s = Math.max(...sentenceOf(d).filter((x) => x < v.sentence.index));
        const bs = best ? Math.max(...sentenceOf(best).filter((x) => x < v.sentence.index)) : -1;
        return s > bs ? d : best;
      }, null);
      const named = c.about ? before.filter((d) => names(d, c.about!)) : [];
      const target = named.length ? last(named) : last(before.filter((d) => sentenceOf(d).some((s) => s >= v.sentence.index - 2)));
      if (target) bump(target, c);
    }
  }
  return out;
}
