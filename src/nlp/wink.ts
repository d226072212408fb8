import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | null = null;
let tagger: WinkMethods | null = null;

/** The wink-nlp instance with its default pipeline, loaded once per process (about 100 ms). */
export function wink(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}

/**
 * wink-nlp with only what the tokenizer reads: tokens, sentence boundaries and POS (and lemmas, which
 * follow from POS). wink's default pipeline also runs its entity recogniser, negation and sentiment
 * automata on every document, which nothing in sitrep reads, for about a sixth of its time; none of them
 * changes a token, a boundary or a tag.
 */
export function winkTagger(): WinkMethods {
  tagger ??= winkNLP(model, ['sbd', 'pos']);
  return tagger;
}
