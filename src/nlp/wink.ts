import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';

/**
 * wink-nlp, loaded so that reading a document never depends on the documents read before it.
 *
 * wink keeps one lexicon per instance and adds every out-of-vocabulary word it meets to it ("Kowalczyk's",
 * a URL, a name). Its tokenizer then treats a word already in that lexicon as known and keeps it whole,
 * where it would otherwise split it: "Kowalczyk's team won." gives `Kowalczyk | 's | team …` on its own,
 * but `Kowalczyk's | team …` once "at Kowalczyk's." has been read. The tokens of a document, and from
 * them its places and events, then depended on which documents the same process had analysed before —
 * on the order of the input and on how documents are spread over worker threads.
 *
 * The fix: the tagger's lexicon lookup ignores the words added while reading earlier documents (wink's
 * cache module is wrapped before wink-nlp loads it; `beginDocument` marks where a document starts), so
 * every document is read as by a fresh instance. A word's type and features are computed from its text
 * alone, so reusing an entry made by an earlier document gives the same token. The lexicon still grows
 * with every new word; `winkTagger` starts a fresh instance when it holds more than MAX_OOV of them,
 * which bounds the memory of a long-running watch or server and, by the above, changes no output.
 */

const require = createRequire(import.meta.url);

interface WinkCache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  currentSize(): number;
  intrinsicSize(): number;
}

/** Set while the tagger instance is being built, so that only its cache is wrapped. */
let wrapNext: ((cache: WinkCache) => void) | null = null;

type CacheFactory = (model: unknown, featureFn: unknown) => WinkCache;
const cachePath = require.resolve('wink-nlp/src/cache.js');
if (!require.cache[cachePath]) {
  const original = require(cachePath) as CacheFactory;
  const wrapped: CacheFactory = (model, featureFn) => {
    const cache = original(model, featureFn);
    wrapNext?.(cache);
    return cache;
  };
  require.cache[cachePath]!.exports = wrapped;
}
type WinkNLP = (model: unknown, pipe?: string[]) => WinkMethods;
// Loaded on first use: commands that read no text (report, export, serve) start without the model.
let loaded: { winkNLP: WinkNLP; model: unknown } | null = null;
function winkNLP(model: unknown, pipe?: string[]): WinkMethods {
  return (loaded ??= { winkNLP: require('wink-nlp') as WinkNLP, model: require('wink-eng-lite-web-model') as unknown }).winkNLP(model, pipe);
}
function model(): unknown {
  return (loaded ??= { winkNLP: require('wink-nlp') as WinkNLP, model: require('wink-eng-lite-web-model') as unknown }).model;
}

/**
 * wink's English lexemes (about 87,000): the word list of the model file the English model package reads.
 * Taken through require's cache, so the 3 MB file is parsed once per process, not again by each reader.
 * The list is shared: callers must not change it.
 */
export function winkLexemes(): readonly string[] {
  const file = require.resolve('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
  return (require(file) as { features: { lexeme: { list: string[] } } }).features.lexeme.list;
}

let instance: WinkMethods | null = null;

/** The wink-nlp instance with its default pipeline, as any wink-based tool has it (the bench's baseline). */
export function wink(): WinkMethods {
  instance ??= winkNLP(model());
  return instance;
}

/** Out-of-vocabulary words the tagger may hold before it is replaced by a fresh instance. */
const MAX_OOV = 200_000;

interface Tagger {
  nlp: WinkMethods;
  cache: WinkCache;
  /** Lexicon size when the current document began: entries from there on are this document's. */
  docStart: number;
  /** Words added (or met again) while reading the current document. */
  seen: Set<string>;
}

let tagger: Tagger | null = null;

function newTagger(): Tagger {
  let cache: WinkCache | null = null;
  const t = { docStart: 0, seen: new Set<string>() } as Tagger;
  wrapNext = (c) => {
    cache = c;
    const { lookup, add } = c;
    const intrinsic = c.intrinsicSize();
    // wink's own feature extraction looks words up while adding one: it sees the lexicon as it is.
    let adding = false;
    c.add = (text: string, category: number) => {
      adding = true;
      try {
        return add(text, category);
      } finally {
        adding = false;
        // A fresh instance would now hold the word and its lower-case form.
        t.seen.add(text);
        t.seen.add(text.toLowerCase());
      }
    };
    c.lookup = (text: string) => {
      const r = lookup(text);
      if (adding || r === null || r.length !== 1) return r;
      // An out-of-vocabulary word from an earlier document, not yet met in this one: unknown, as to a fresh instance.
      return r[0]! >= intrinsic && r[0]! < t.docStart && !t.seen.has(text) ? null : r;
    };
  };
  try {
    // Only what the tokenizer reads: tokens, sentence boundaries and POS (lemmas follow from POS).
    // wink's default pipeline also runs its entity recogniser, negation and sentiment automata on every
    // document, which nothing in sitrep reads, for about a sixth of its time; none of them changes a
    // token, a boundary or a tag.
    t.nlp = winkNLP(model(), ['sbd', 'pos']);
  } finally {
    wrapNext = null;
  }
  if (!cache) throw new Error('wink-nlp was loaded before src/nlp/wink.ts could wrap its lexicon cache');
  t.cache = cache;
  return t;
}

/** The tagger: wink with sentence boundaries and POS only. Call `beginDocument` before reading a document. */
export function winkTagger(): WinkMethods {
  tagger ??= newTagger();
  return tagger.nlp;
}

/**
 * Mark the start of a new document: what the tagger reads from now on is read as by a fresh instance.
 * Replaces the instance when its lexicon has grown past MAX_OOV words.
 */
export function beginDocument(): void {
  if (!tagger || tagger.cache.currentSize() - tagger.cache.intrinsicSize() > MAX_OOV) tagger = newTagger();
  // currentSize() is the index of the last entry: new words get indexes from currentSize() + 1 on.
  tagger.docStart = tagger.cache.currentSize() + 1;
  tagger.seen.clear();
}
