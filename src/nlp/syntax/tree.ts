/**
 * Who did what to whom, read from a sentence's dependency parse (Universal Dependencies relations):
 *
 * - the agent of a predicate is its subject, or in the passive its `obl:agent` ("killed by gunmen"); a
 *   predicate with no subject of its own — an adverbial clause (", killing 20"), an open complement
 *   ("tried to seize"), a verb conjoined with a subject-bearing one ("stormed and burned") — takes the
 *   agent of the clause it hangs on; a participle modifying a noun ("civilians killed by the army") takes
 *   its by-phrase;
 * - the patient is the object, or in the passive the subject; a participle modifying a noun has that noun;
 * - conjuncts share a role ("the army and mercenaries"); an apposition names the same one ("X, a militia");
 * - a clause is a predicate with everything that hangs on it except other clauses: a place, a time or a
 *   figure belongs to the event whose clause holds it;
 * - reported speech: the speaker of "X said militants attacked" is the source, not the agent.
 *
 * Token indices are the document's (the tokens layer); -1 means none.
 */
import type { Doc } from '../../core/document.js';
import type { Token } from '../../core/layers.js';
import { sentenceParse, type TokenParse } from './component.js';

/** Relations that open a clause of their own. */
const CLAUSAL = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis', 'list']);
const SUBJECTS = new Set(['nsubj', 'csubj']);
const SPEECH = /^(say|said|says|saying|tell|told|tells|telling|report|reported|reports|state|stated|states|add|added|adds|claim|claimed|claims|announce|announced|announces|confirm|confirmed|confirms|accuse|accused|accuses|allege|alleged|alleges|insist|insisted|deny|denied|denies|warn|warned|write|wrote|note|noted|explain|explained|declare|declared|according)$/i;

export class Tree {
  private readonly kids: number[][];

  constructor(
    readonly parse: TokenParse,
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {
    const n = parse.tokenEnd - parse.tokenStart;
    this.kids = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      const h = parse.heads[i]!;
      if (h >= 0) this.kids[h - parse.tokenStart]!.push(parse.tokenStart + i);
    }
  }

  /** The tree of sentence `index` of a document (parsed on first request), or null for boilerplate. */
  static of(doc: Doc, index: number): Tree | null {
    const p = sentenceParse(doc, index);
    return p ? new Tree(p, doc.get('tokens'), doc.text) : null;
  }

  /** The tree of the sentence holding token t. */
  static at(doc: Doc, t: number): Tree | null {
    const tok = doc.get('tokens')[t];
    return tok ? Tree.of(doc, tok.sentence) : null;
  }

  get start(): number {
    return this.parse.tokenStart;
  }
  get end(): number {
    return this.parse.tokenEnd;
  }

  has(t: number): boolean {
    return t >= this.parse.tokenStart && t < this.parse.tokenEnd;
  }

  head(t: number): number {
    return this.has(t) ? this.parse.heads[t - this.parse.tokenStart]! : -1;
  }

  /** The full relation ("nsubj:pass", "obl:agent"). */
  dep(t: number): string {
    return this.has(t) ? this.parse.deps[t - this.parse.tokenStart]! : '';
  }

  /** The relation without its subtype ("nsubj"). */
  rel(t: number): string {
    const d = this.dep(t);
    const c = d.indexOf(':');
    return c < 0 ? d : d.slice(0, c);
  }

  word(t: number): string {
    const tok = this.tokens[t];
    return tok ? this.text.slice(tok.start, tok.end).toLowerCase() : '';
  }

  /** The sentence's root token. */
  get root(): number {
    for (let t = this.start; t < this.end; t++) if (this.head(t) < 0) return t;
    return -1;
  }

  children(t: number, ...deps: string[]): number[] {
    if (!this.has(t)) return [];
    const all = this.kids[t - this.parse.tokenStart]!;
    if (deps.length === 0) return [...all];
    return all.filter((c) => deps.includes(this.dep(c)) || deps.includes(this.rel(c)));
  }

  /** Whether a dominates b (a is b or an ancestor of it). */
  dominates(a: number, b: number): boolean {
    for (let k = b, guard = 0; k >= 0 && guard <= this.end - this.start; k = this.head(k), guard++) if (k === a) return true;
    return false;
  }

  /** Token range [start, end) of the subtree of t. */
  subtree(t: number): [number, number] {
    let lo = t;
    let hi = t;
    const stack = [t];
    while (stack.length) {
      const k = stack.pop()!;
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
      stack.push(...this.children(k));
    }
    return [lo, hi + 1];
  }

  /** t and the words conjoined with it ("the army and mercenaries" from "army": army, mercenaries). */
  conjuncts(t: number): number[] {
    const out = [t];
    for (let i = 0; i < out.length; i++) for (const c of this.children(out[i]!, 'conj')) out.push(c);
    return out.sort((a, b) => a - b);
  }

  /** What names t again: its appositions ("X, a militia", "the group, X"). */
  appositions(t: number): number[] {
    const out = this.children(t, 'appos');
    if (this.rel(t) === 'appos' && this.head(t) >= 0) out.push(this.head(t));
    return out.sort((a, b) => a - b);
  }

  /** Whether predicate p is passive: a passive subject or auxiliary, or a by-agent. */
  isPassive(p: number): boolean {
    return this.children(p).some((c) => this.dep(c) === 'nsubj:pass' || this.dep(c) === 'aux:pass' || this.dep(c) === 'csubj:pass' || this.dep(c) === 'obl:agent');
  }

  /** The head noun of a by-phrase agent of p ("killed by gunmen" → gunmen), passive verbs and nouns alike. */
  byAgents(p: number): number[] {
    const out = this.children(p, 'obl:agent');
    // Nominals: "an attack by militants" (nmod with "by").
    for (const c of this.children(p, 'nmod', 'obl')) if (!out.includes(c) && this.children(c, 'case').some((k) => this.word(k) === 'by')) out.push(c);
    return out;
  }

  /** The predicate p's own subjects, conjuncts included (passive subjects excluded unless asked). */
  subjects(p: number, passive = false): number[] {
    const out: number[] = [];
    for (const c of this.children(p)) {
      const d = this.dep(c);
      if (SUBJECTS.has(d) || (passive && (d === 'nsubj:pass' || d === 'csubj:pass')) || (d === 'nsubj:outer' && !passive)) out.push(...this.conjuncts(c));
    }
    return out.sort((a, b) => a - b);
  }

  /**
   * The clause p hangs on, for a predicate with no subject of its own: the head of an adverbial clause,
   * an open complement or a conjoined verb. -1 when p has its own subject or hangs on nothing.
   */
  governor(p: number): number {
    const r = this.rel(p);
    if (this.children(p).some((c) => this.rel(c) === 'nsubj' || this.rel(c) === 'csubj')) return -1;
    if (r === 'advcl' || r === 'xcomp' || r === 'conj') return this.head(p);
    return -1;
  }

  /**
   * Who does p: the subject of an active predicate, the by-phrase of a passive one, else (no subject of
   * its own) the agent of the clause it hangs on. Conjuncts included. A participle modifying a noun
   * ("civilians killed by the army") gives its by-phrase. Empty when the sentence does not say.
   */
  agents(p: number): number[] {
    const seen = new Set<number>();
    for (let k = p, guard = 0; k >= 0 && guard < 16 && !seen.has(k); guard++) {
      seen.add(k);
      const by = this.byAgents(k);
      if (by.length) return by.flatMap((b) => this.conjuncts(b)).sort((a, b) => a - b);
      if (this.isPassive(k)) return [];
      const subj = this.subjects(k);
      if (subj.length) return subj;
      // An adverbial participle of a passive main clause ("were killed, sparking ...") has no agent here.
      const g = this.governor(k);
      if (g < 0) return [];
      if (this.rel(k) === 'advcl' && this.isPassive(g) && this.byAgents(g).length === 0) return [];
      k = g;
    }
    return [];
  }

  /**
   * Who p is done to: the object of an active predicate, the subject of a passive one, the noun a
   * participle modifies ("civilians killed by ..."). Conjuncts included.
   */
  patients(p: number): number[] {
    const out: number[] = [];
    if (this.isPassive(p)) out.push(...this.subjects(p, true).filter((s) => /pass/.test(this.dep(s)) || this.rel(s) === 'conj'));
    else for (const o of this.children(p, 'obj')) out.push(...this.conjuncts(o));
    if (out.length === 0 && this.rel(p) === 'acl' && /(ed|en|wn)$/.test(this.word(p))) out.push(...this.conjuncts(this.head(p)));
    // A verb conjoined to a passive one shares its subject ("were shot and killed").
    if (out.length === 0 && this.rel(p) === 'conj' && this.isPassive(this.head(p)) && this.subjects(p, true).length === 0) return this.patients(this.head(p));
    return [...new Set(out)].sort((a, b) => a - b);
  }

  /** The head of the clause holding t: t's nearest ancestor-or-self that is a predicate with a clause relation. */
  clauseOf(t: number): number {
    for (let k = t, guard = 0; k >= 0 && guard <= this.end - this.start; k = this.head(k), guard++) {
      if (k !== t || this.isPredicate(k)) {
        if (CLAUSAL.has(this.rel(k)) || this.head(k) < 0) return k;
        if (this.rel(k) === 'conj' && this.isPredicate(k) && this.isPredicate(this.head(k))) return k;
      }
    }
    return this.root;
  }

  /** Whether a and b belong to the same clause. */
  sameClause(a: number, b: number): boolean {
    return this.clauseOf(a) === this.clauseOf(b);
  }

  /** The tokens of the clause headed by c: its subtree less the clauses embedded in it. */
  clauseTokens(c: number): number[] {
    const out: number[] = [];
    const stack = [c];
    while (stack.length) {
      const k = stack.pop()!;
      out.push(k);
      for (const ch of this.children(k)) if (this.clauseOf(ch) === c || ch === c) stack.push(ch);
    }
    return out.sort((a, b) => a - b);
  }

  /**
   * The verb of saying p's clause is reported by ("X said militants attacked": said), or -1. Its subject
   * is the source of the report, never a participant.
   */
  speechOf(p: number): number {
    const c = this.clauseOf(p);
    const r = this.rel(c);
    if (r === 'ccomp' || r === 'parataxis') {
      const h = this.head(c);
      if (h >= 0 && SPEECH.test(this.word(h))) return h;
    }
    // "Militants attacked the town, officials said": the verb of saying hangs on the report.
    for (const ch of this.children(c, 'parataxis')) if (SPEECH.test(this.word(ch))) return ch;
    return -1;
  }

  /** The speakers of the report holding p ("officials said ..." → officials), conjuncts included. */
  speakers(p: number): number[] {
    const s = this.speechOf(p);
    return s < 0 ? [] : this.subjects(s);
  }

  /** Whether t is a predicate: a verb, or a word with a subject or copula of its own. */
  isPredicate(t: number): boolean {
    const u = this.tokens[t]?.upos;
    if (u === 'VERB') return true;
    return this.children(t).some((c) => this.rel(c) === 'nsubj' || this.rel(c) === 'cop' || this.rel(c) === 'csubj');
  }
}
