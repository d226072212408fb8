/**
 * A frozen model's summed votes for the feature templates that read one word alone, kept per word.
 *
 * Most of a tagger's or entity recogniser's features look at one word: its form and affixes (the word
 * itself), or the same word seen as a neighbour ("the previous word is 'in'"). Those features are the
 * same every time the word occurs, and news repeats its words: summing their votes once per word, then
 * adding one block per position, replaces a dozen to a hundred table lookups a word (the entity
 * recogniser's cluster dimensions alone are up to 128) by five short adds. The sums are integers
 * (LinearModel's Int16 weights), so a sum taken in advance is the same number, and the scores the same.
 *
 * A word's entry is keyed by its Lex (lexical.ts gives one per form) and remembers the form and the
 * extra value (`aux`) it was built with; an entry asked for with others is built again and not kept.
 */
import type { Lex } from './lexical.js';
import type { LinearModel } from './linear.js';

/** Writes the features of `lex` in role `role` (0: the word itself; 1…: as a neighbour) to out; returns their count. */
export type RoleFeatures = (role: number, lex: Lex, form: string, aux: number, out: Uint32Array) => number;

interface Entry {
  form: string;
  aux: number;
  /** roles × nClasses integer sums: block r is votes[r * nClasses, (r + 1) * nClasses). */
  votes: Int32Array;
}

export class WordVotes {
  private readonly table = new Map<Lex, Entry>();
  private readonly feats: Uint32Array;
  /** A long-running process reads unbounded vocabulary. */
  private static readonly LIMIT = 30_000;

  constructor(
    private readonly model: LinearModel,
    readonly roles: number,
    private readonly features: RoleFeatures,
    maxFeatures: number,
  ) {
    this.feats = new Uint32Array(maxFeatures);
  }

  /** The role blocks of a word (read-only: shared by every occurrence). */
  of(lex: Lex, form: string, aux: number): Int32Array {
    const hit = this.table.get(lex);
    if (hit && hit.form === form && hit.aux === aux) return hit.votes;
    const C = this.model.nClasses;
    const votes = new Int32Array(this.roles * C);
    for (let r = 0; r < this.roles; r++) {
      const n = this.features(r, lex, form, aux, this.feats);
      for (let k = 0; k < n; k++) this.model.addVotes(this.feats[k]!, votes, r * C);
    }
    if (!hit) {
      if (this.table.size >= WordVotes.LIMIT) this.table.clear();
      this.table.set(lex, { form, aux, votes });
    }
    return votes;
  }
}

/** One memo per model and use (a model may be read by more than one set of templates in tests). */
export function wordVotesFor(cache: WeakMap<LinearModel, WordVotes>, model: LinearModel, make: () => WordVotes): WordVotes {
  let v = cache.get(model);
  if (!v) cache.set(model, (v = make()));
  return v;
}

/**
 * Adds into `acc` the votes of position `i`'s window: the word itself (role 0), then its neighbours read as
 * neighbours — previous (1), next (2), two before (3), two after (4) — with `pad` beyond either end of the
 * sentence's `n` words (`words` may be a longer scratch array).
 */
export function addWindowVotes(acc: Int32Array, words: readonly Int32Array[], n: number, pad: Int32Array, i: number, C: number): void {
  const w = words[i]!;
  const p1 = i > 0 ? words[i - 1]! : pad;
  const n1 = i + 1 < n ? words[i + 1]! : pad;
  const p2 = i > 1 ? words[i - 2]! : pad;
  const n2 = i + 2 < n ? words[i + 2]! : pad;
  for (let c = 0; c < C; c++) acc[c] = w[c]! + p1[C + c]! + n1[2 * C + c]! + p2[3 * C + c]! + n2[4 * C + c]!;
}
