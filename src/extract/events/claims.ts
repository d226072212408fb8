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
 * it names in the ten sentences before it ("could not independently confirm the killings" covers the
 * killings told before), or, naming nothing in particular ("the account", "this"), the event told in the two
 * sentences before it. The look-back is bounded: a cue's work does not grow with the document.
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

/** A source the document names, in text order, with the sentence it is in. */
export interface NamedSource {
  sentence: number;
  source: TextSpan;
}

const PRONOUN = /^(he|she|it|they|we)$/i;
const ORGANISATION = /\b(army|military|ministry|government|group|police|agency|office|command|alliance|force|service|network|council|committee|movement|organization|organisation|mission|authority|administration|militia|coalition|statement|company|hospital|red crescent|red cross)$/i;

/**
 * The named speaker a pronoun source stands for ("The militants answered with car bombs, he said" after
 * "said the officer"): the nearest source before it, within three sentences, that can be "he"/"she" (a
 * person: a singular noun or a name), "it" (an organisation) or "they" (a plural or an organisation).
 */
function antecedent(pronoun: string, sentence: number, start: number, named: readonly NamedSource[]): TextSpan | null {
  const p = pronoun.toLowerCase();
  for (let k = named.length - 1; k >= 0; k--) {
    const n = named[k]!;
    if (n.source.start >= start) continue;
    if (sentence - n.sentence > 3) break;
    const words = n.source.text.replace(/[’']s\b/g, '').trim().split(/\s+/);
    const head = words[words.length - 1]!;
    if (PRONOUN.test(n.source.text.trim())) continue;
    const org = ORGANISATION.test(n.source.text);
    const plural = /[^s]s$/i.test(head) && !/^[A-Z]/.test(head);
    if ((p === 'he' || p === 'she') && !org && !plural) return n.source;
    if (p === 'it' && org && !plural) return n.source;
    if ((p === 'they' || p === 'we') && (plural || org)) return n.source;
  }
  return null;
}

/** How far back a cue looks for the event it names ("could not confirm the killings"): sentences. */
const NAMED_WINDOW = 10;

export function draftClaims(doc: Doc, drafts: Draft[], views: SentenceView[], named: readonly NamedSource[] = []): Map<Draft, DraftClaims> {
  const out = new Map<Draft, DraftClaims>();
  for (const d of drafts) {
    const sources: TextSpan[] = [];
    const hedges: TextSpan[] = [];
    for (const p of d.parts) {
      const t = p.coding.main;
      const at = { start: p.view.toks[t.tokStart]!.start, end: p.view.toks[t.tokEnd - 1]!.end };
      const a = attributionFor(p.attributions, at) ?? attributionFor(p.attributions, p.span);
      if (a) {
        // "he said": the named speaker it stands for; a pronoun no one stands for names no source.
        const src = PRONOUN.test(a.source.text.trim()) ? antecedent(a.source.text.trim(), p.view.sentence.index, a.source.start, named) ?? null : a.source;
        if (src && !sources.some((s) => s.start === src.start)) sources.push({ ...src });
      }
      for (const h of hedgeSpans(doc.text, p.view.start, p.view.end)) if (!hedges.some((x) => x.start === h.start)) hedges.push(h);
    }
    out.set(d, { sources, certainty: 'reported', hedges });
  }
  const bump = (d: Draft, c: CertaintyCue) => {
    const cl = out.get(d)!;
    if (CERTAINTY_RANK[c.certainty] > CERTAINTY_RANK[cl.certainty]) cl.certainty = c.certainty;
  };
  const sentenceOf = (d: Draft) => d.parts.map((p) => p.view.sentence.index);
  // The drafts telling each sentence, in draft order (looked up per cue instead of filtering every draft).
  const bySentence = new Map<number, Draft[]>();
  for (const d of drafts) for (const i of new Set(sentenceOf(d))) (bySentence.get(i) ?? bySentence.set(i, []).get(i)!).push(d);
  /**
   * The draft told latest in the `window` sentences before sentence `at` that `ok` accepts: walking back
   * sentence by sentence, the first draft (in draft order) of the nearest sentence holding one. Bounded, so
   * a cue costs the same in a long document as in a short one.
   */
  const latestBefore = (at: number, window: number, ok: (d: Draft) => boolean): Draft | null => {
    for (let k = at - 1; k >= Math.max(0, at - window); k--) {
      for (const d of bySentence.get(k) ?? []) if (ok(d)) return d;
    }
    return null;
  };
  for (const v of views) {
    const cues = certaintyCues(doc.text.slice(v.start, v.end), v.start);
    for (const c of cues) {
      const here = bySentence.get(v.sentence.index) ?? [];
      if (here.length) {
        for (const d of here) bump(d, c);
        continue;
      }
      const target = (c.about ? latestBefore(v.sentence.index, NAMED_WINDOW, (d) => names(d, c.about!)) : null) ?? latestBefore(v.sentence.index, 2, () => true);
      if (target) bump(target, c);
    }
  }
  return out;
}
