/**
 * The three models as functions over word forms: part-of-speech tags, a labelled dependency parse, and
 * entity tags for a whole document (the recogniser looks at how each word is written elsewhere in the
 * document). `syntaxModels()` gives the shipped weights (data/models), loaded once; the training script
 * builds the same object from the models it has just trained, so what it scores is what ships.
 */
import type { Lex } from './lexical.js';
import { loadModel, MODELS_DIR, type LoadedModel } from './models.js';
import { documentCasing, nameLists } from './name-lists.js';
import { isHeadline, nerWords } from './ner.js';
import { lexicon } from './tagger.js';
import { parseInput, parseWords } from './parser.js';
import { repairSpeechComplements } from './speech-complement.js';
import { repairPassiveAgents } from './passive-agent.js';
import { tagWords, UPOS } from './tagger.js';

export const uposName = (id: number): string => UPOS[id] ?? 'X';

export interface WordParse {
  /** Head of each word: a word index, or -1 for the sentence's root. */
  heads: number[];
  /** UD relation of each word to its head (with subtypes: nsubj:pass, obl:agent). */
  deps: string[];
}

export class SyntaxModels {
  private readonly rootLabel: number;

  constructor(
    readonly tagger: LoadedModel,
    readonly parser: LoadedModel,
    readonly ner: LoadedModel,
  ) {
    this.rootLabel = parser.header.classes.indexOf('root');
    if (this.rootLabel < 0) throw new Error('parser model: no root label');
  }

  /** UPOS tag ids for the word forms of one sentence. */
  tag(forms: readonly string[], lex?: readonly Lex[]): number[] {
    return tagWords(this.tagger.model, forms, lex);
  }

  /** The dependency parse of one sentence, given its forms and tag ids. */
  parse(forms: readonly string[], tags: readonly number[], lex?: readonly Lex[]): WordParse {
    const labels = this.parser.header.classes;
    const p = parseWords(this.parser.model, parseInput(forms, tags, lex), labels.length, this.rootLabel);
    const deps = p.labels.map((l) => labels[l] ?? 'dep');
    const upos = tags.map(uposName);
    repairSpeechComplements(forms, upos, p.heads, deps);
    repairPassiveAgents(forms, upos, p.heads, deps);
    return { heads: p.heads, deps };
  }

  /** BILOU entity class ids for each word of each sentence of one document. */
  recognise(sentences: readonly (readonly string[])[], tags: readonly (readonly number[])[], lexes?: readonly (readonly Lex[])[]): number[][] {
    const lists = nameLists();
    const casing = documentCasing(sentences);
    return sentences.map((forms, i) =>
      nerWords(this.ner.model, { lex: lexes?.[i] ?? lexicon(forms), tags: tags[i]!, names: lists.annotate(forms), headline: isHeadline(forms), casing: casing[i]!, forms }),
    );
  }
}

const cache = new Map<string, SyntaxModels>();

/** The shipped models (or those in `dir`), loaded once per process. */
export function syntaxModels(dir = MODELS_DIR): SyntaxModels {
  let m = cache.get(dir);
  if (!m) {
    m = new SyntaxModels(loadModel('tagger', dir), loadModel('parser', dir), loadModel('ner', dir));
    cache.set(dir, m);
  }
  return m;
}
