/**
 * The recogniser's second pass (Krishnan & Manning 2006, stacked): a story names the same party many
 * times, and the first pass reads the clear mentions ("President Jane Doe", "the town of X") better than the
 * bare ones ("Doe said"). The second pass is given, for each word, what the first pass made of the same
 * word elsewhere in the document: the entity types it was read as, its most frequent reading, and the type
 * of the longest entity it was part of — so "Doe" alone is a person when "Jane Doe" was one, and a name
 * read as an organisation in four mentions is not a place in the fifth.
 *
 * The first pass's own reading of the word is given too. Training gives it the first pass's readings of
 * documents it did not learn from (jackknifed by document), as imperfect as those it will be given.
 */
import { partOf, typeOf } from './ner.js';

/** The first pass's evidence for each word of one sentence (see documentEvidence). */
export interface DocumentEvidence {
  /** Bit set of the entity types (1 << type) the same word has elsewhere in the document; 8 if it is outside any entity somewhere. */
  seen: Int32Array;
  /** The most frequent reading of the same word elsewhere: 0 none, 1 outside, 2 + entity type. */
  major: Int32Array;
  /** 1 + the type of the longest entity (in words, at least two) holding the same word elsewhere; 0 none. */
  longest: Int32Array;
  /** The first pass's class of this word, and of the words either side (-1 outside the sentence). */
  own: Int32Array;
  prev: Int32Array;
  next: Int32Array;
}

/** Only words that can be names carry evidence: a capital letter, or a digit (lower-case words repeat too often to say anything). */
const nameLike = (form: string) => /^[\p{Lu}\d]/u.test(form);

/**
 * The evidence for every word of every sentence of one document, from the first pass's BILOU classes.
 * Words are matched on their lower-cased form, each occurrence counting the others but not itself.
 */
export function documentEvidence(sentences: readonly (readonly string[])[], classes: readonly (readonly number[])[]): DocumentEvidence[] {
  // Per lower-cased form: readings counted per kind (0 outside, 1 + type), and the longest span per type.
  const counts = new Map<string, Int32Array>();
  const spans = new Map<string, Int32Array>();
  const keyOf = sentences.map((forms) => forms.map((f) => (nameLike(f) ? f.toLowerCase() : '')));
  sentences.forEach((forms, s) => {
    const cls = classes[s]!;
    let start = -1;
    for (let i = 0; i < forms.length; i++) {
      const c = cls[i]!;
      const key = keyOf[s]![i]!;
      if (key) {
        let k = counts.get(key);
        if (!k) counts.set(key, (k = new Int32Array(4)));
        k[c === 0 ? 0 : 1 + typeOf(c)]!++;
      }
      const part = partOf(c);
      if (part === 1) start = i;
      else if (part === 3 && start >= 0) {
        // A span of two words or more: each word remembers the longest one of each type it was in.
        const t = typeOf(c);
        for (let j = start; j <= i; j++) {
          const kj = keyOf[s]![j]!;
          if (!kj) continue;
          let l = spans.get(kj);
          if (!l) spans.set(kj, (l = new Int32Array(3)));
          l[t] = Math.max(l[t]!, i - start + 1);
        }
        start = -1;
      }
    }
  });
  return sentences.map((forms, s) => {
    const n = forms.length;
    const cls = classes[s]!;
    const ev: DocumentEvidence = {
      seen: new Int32Array(n),
      major: new Int32Array(n),
      longest: new Int32Array(n),
      own: Int32Array.from(cls),
      prev: Int32Array.from({ length: n }, (_, i) => (i > 0 ? cls[i - 1]! : -1)),
      next: Int32Array.from({ length: n }, (_, i) => (i + 1 < n ? cls[i + 1]! : -1)),
    };
    for (let i = 0; i < n; i++) {
      const key = keyOf[s]![i]!;
      const k = key ? counts.get(key) : undefined;
      if (!k) continue;
      // This occurrence's own reading is taken out: the evidence is the rest of the document's.
      const self = cls[i] === 0 ? 0 : 1 + typeOf(cls[i]!);
      let seen = 0;
      let best = -1;
      let bestCount = 0;
      for (let r = 0; r < 4; r++) {
        const c = k[r]! - (r === self ? 1 : 0);
        if (c <= 0) continue;
        seen |= r === 0 ? 8 : 1 << (r - 1);
        if (c > bestCount) {
          bestCount = c;
          best = r;
        }
      }
      ev.seen[i] = seen;
      ev.major[i] = best < 0 ? 0 : best + 1;
      const l = spans.get(key);
      if (l) {
        let t = -1;
        for (let j = 0; j < 3; j++) if (l[j]! > 0 && (t < 0 || l[j]! > l[t]!)) t = j;
        ev.longest[i] = t < 0 ? 0 : t + 1;
      }
    }
    return ev;
  });
}
