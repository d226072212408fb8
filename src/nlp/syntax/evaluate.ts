/**
 * Scores as `../shared/eval/score_syntax.py` computes them: UPOS accuracy, UAS and LAS over all words
 * (punctuation included, relations compared without their subtype), and entity precision, recall and F1
 * on exact spans and types.
 */
export interface SyntaxCounts {
  words: number;
  upos: number;
  uas: number;
  las: number;
}

export function countSyntax(
  gold: { upos: string; head: number; deprel: string }[],
  pred: { upos: string; head: number; deprel: string }[],
  into: SyntaxCounts = { words: 0, upos: 0, uas: 0, las: 0 },
): SyntaxCounts {
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = pred[i]!;
    into.words++;
    if (g.upos === p.upos) into.upos++;
    if (g.head === p.head) {
      into.uas++;
      if (g.deprel.split(':')[0] === p.deprel.split(':')[0]) into.las++;
    }
  }
  return into;
}

export interface EntityCounts {
  gold: number;
  system: number;
  correct: number;
}

/** Entity spans of IOB2 tags, as the scorer reads them (an I- without a B- opens a span). */
export function iobSpans(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let kind = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i]! : 'O';
    if (start >= 0 && !(t.startsWith('I-') && t.slice(2) === kind)) {
      out.add(`${start}:${i}:${kind}`);
      start = -1;
    }
    if (t.startsWith('B-') || (t.startsWith('I-') && start < 0)) {
      start = i;
      kind = t.slice(2);
    }
  }
  return out;
}

export function countEntities(gold: readonly string[], pred: readonly string[], into: EntityCounts = { gold: 0, system: 0, correct: 0 }): EntityCounts {
  const g = iobSpans(gold);
  const p = iobSpans(pred);
  into.gold += g.size;
  into.system += p.size;
  for (const s of p) if (g.has(s)) into.correct++;
  return into;
}

export function f1(c: EntityCounts): { p: number; r: number; f1: number } {
  const p = c.system ? c.correct / c.system : 0;
  const r = c.gold ? c.correct / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
