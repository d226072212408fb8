/**
 * The syntax components of the pipeline.
 *
 * - `syntax` tags every token of the document's prose (UPOS, on `token.upos`) and recognises PER/ORG/LOC
 *   entities (the `entities` layer). Both are cheap and every later component may use them.
 * - `parser(select)` parses the sentences `select` admits and writes `head` and `dep` on their tokens.
 * - `deferredParser(select)` chooses the same sentences but parses none itself: each is parsed when
 *   something asks for it (an extractor, through `sentenceParse` or the Tree), and the rest only when
 *   `completeParses` is called — by the output of the token layer, the only reader of the `head` and `dep`
 *   nobody asked for. The default pipeline uses it: a parse is the costliest step of the analysis, and
 *   the events extractor reads the parses of fewer sentences than the pipeline selects. Parses do not
 *   depend on their order, so the token layer is the same either way.
 * - `sentenceParse(doc, s)` gives any component the parse of a sentence, parsing it on first request if
 *   the parser component has not, so an extractor can ask whatever pipeline it runs in.
 *
 * The models see EWT-like words (./words.ts); what they say is attached back to sitrep's tokens: a token
 * split into several words takes the word that links it to the rest of the sentence.
 */
import type { Doc } from '../../core/document.js';
import type { Sentence, Token } from '../../core/layers.js';
import type { Component } from '../../core/pipeline.js';
import { syntaxModels, uposName, type SyntaxModels, type WordParse } from './annotate.js';
import type { Lex } from './lexical.js';
import { entitySpans } from './ner.js';
import { lexicon } from './tagger.js';
import type { Entity } from './types.js';
import { wordsOf, type SyntaxWord } from './words.js';

/** What the syntax components know of one document, kept beside it (not a layer: it is not output). */
interface DocSyntax {
  words: (SyntaxWord[] | null)[];
  tags: (number[] | null)[];
  /** Each word's lexical view (./lexical.ts), looked up once for the tagger, the recogniser and the parser. */
  lex: (Lex[] | null)[];
  parses: (TokenParse | null)[];
  /** Sentences a deferred parser chose and nothing has asked for yet (completeParses parses them). */
  pending: number[];
}

/** A sentence's parse at the token level: heads are token indices (the document's), -1 for the root. */
export interface TokenParse {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** heads[t - tokenStart]: the head token of token t, or -1 for the root. */
  heads: Int32Array;
  /** deps[t - tokenStart]: the relation of token t to its head. */
  deps: string[];
}

const state = new WeakMap<Doc, DocSyntax>();

const prose = (s: Sentence) => s.kind !== 'boilerplate';

function docState(doc: Doc): DocSyntax {
  let st = state.get(doc);
  if (!st) {
    const n = doc.get('sentences').length;
    st = { words: new Array(n).fill(null), tags: new Array(n).fill(null), lex: new Array(n).fill(null), parses: new Array(n).fill(null), pending: [] };
    state.set(doc, st);
  }
  return st;
}

function wordsAndTags(doc: Doc, models: SyntaxModels, s: Sentence): { words: SyntaxWord[]; tags: number[]; lex: Lex[] } {
  const st = docState(doc);
  let words = st.words[s.index];
  let tags = st.tags[s.index];
  let lex = st.lex[s.index];
  if (!words || !tags || !lex) {
    words = wordsOf(doc.text, doc.get('tokens'), s.tokenStart, s.tokenEnd);
    const forms = words.map((w) => w.form);
    lex = lexicon(forms);
    tags = models.tag(forms, lex);
    st.words[s.index] = words;
    st.tags[s.index] = tags;
    st.lex[s.index] = lex;
  }
  return { words, tags, lex };
}

/** For each token of the sentence, the word that stands for it: the first whose head lies outside it. */
function mainWords(words: readonly SyntaxWord[], parse: WordParse | null, tokenStart: number, tokenEnd: number): Int32Array {
  const main = new Int32Array(tokenEnd - tokenStart).fill(-1);
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!.token - tokenStart;
    if (main[t] === -1) main[t] = i;
    else if (parse) {
      const cur = main[t]!;
      const h = parse.heads[cur]!;
      const inside = h >= 0 && words[h]!.token === words[cur]!.token;
      const hi = parse.heads[i]!;
      if (inside && !(hi >= 0 && words[hi]!.token === words[i]!.token)) main[t] = i;
    }
  }
  return main;
}

export const syntax: Component = {
  name: 'syntax',
  needs: ['tokens', 'sentences'],
  adds: ['entities'],
  run(doc: Doc) {
    const models = syntaxModels();
    const tokens = doc.get('tokens');
    const sentences = doc.get('sentences').filter(prose);
    const annotated = sentences.map((s) => wordsAndTags(doc, models, s));
    for (let k = 0; k < sentences.length; k++) {
      const s = sentences[k]!;
      const { words, tags } = annotated[k]!;
      const main = mainWords(words, null, s.tokenStart, s.tokenEnd);
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        const w = main[t - s.tokenStart]!;
        if (w >= 0) tokens[t]!.upos = uposName(tags[w]!);
      }
    }
    const classes = models.recognise(
      annotated.map((a) => a.words.map((w) => w.form)),
      annotated.map((a) => a.tags),
      annotated.map((a) => a.lex),
    );
    const entities: Entity[] = [];
    sentences.forEach((s, k) => {
      const words = annotated[k]!.words;
      for (const e of entitySpans(classes[k]!)) {
        const first = words[e.start]!;
        const last = words[e.end - 1]!;
        entities.push({ start: first.start, end: last.end, label: e.type, sentence: s.index, tokenStart: first.token, tokenEnd: last.token + 1 });
      }
    });
    doc.set('entities', entities);
  },
};

/**
 * The parse of sentence `index`, made on first request and kept with the document. Null for boilerplate.
 */
export function sentenceParse(doc: Doc, index: number): TokenParse | null {
  const st = docState(doc);
  const hit = st.parses[index];
  if (hit) return hit;
  const s = doc.get('sentences')[index];
  if (!s || !prose(s) || s.tokenEnd <= s.tokenStart) return null;
  const models = syntaxModels();
  const { words, tags, lex } = wordsAndTags(doc, models, s);
  const wp = models.parse(words.map((w) => w.form), tags, lex);
  const main = mainWords(words, wp, s.tokenStart, s.tokenEnd);
  const n = s.tokenEnd - s.tokenStart;
  const heads = new Int32Array(n).fill(-1);
  const deps = new Array<string>(n).fill('dep');
  const tokens = doc.get('tokens');
  for (let t = 0; t < n; t++) {
    const w = main[t]!;
    if (w < 0) continue;
    // The head word, or the first word outside this token up its chain of heads.
    let h = wp.heads[w]!;
    for (let guard = 0; h >= 0 && words[h]!.token === words[w]!.token && guard < words.length; guard++) h = wp.heads[h]!;
    heads[t] = h < 0 ? -1 : words[h]!.token;
    deps[t] = wp.deps[w]!;
    const tok: Token = tokens[s.tokenStart + t]!;
    tok.head = h < 0 ? null : words[h]!.token;
    tok.dep = deps[t];
    tok.upos = uposName(tags[w]!);
  }
  const parse: TokenParse = { sentence: index, tokenStart: s.tokenStart, tokenEnd: s.tokenEnd, heads, deps };
  st.parses[index] = parse;
  return parse;
}

/** Whether sentence `index` has a parse to give (prose, with words), without parsing it. */
export function parsable(doc: Doc, index: number): boolean {
  const s = doc.get('sentences')[index];
  return !!s && prose(s) && s.tokenEnd > s.tokenStart;
}

/**
 * Notes that sentence `index`'s parse may be asked for later or not at all: if nothing asks, it is parsed
 * by completeParses like the sentences a deferred parser chose, so the token layer is the same as if it had
 * been parsed now.
 */
export function laterParse(doc: Doc, index: number): void {
  const st = docState(doc);
  if (!st.parses[index]) st.pending.push(index);
}

/** Parses the sentences `select` admits (all prose sentences by default). */
export function parser(select: (doc: Doc, s: Sentence) => boolean = () => true, name = 'parser'): Component {
  return {
    name,
    needs: ['tokens', 'sentences'],
    adds: [],
    run(doc: Doc) {
      for (const s of doc.get('sentences')) if (prose(s) && select(doc, s)) sentenceParse(doc, s.index);
    },
  };
}

/**
 * The parser step of a pipeline that parses on demand: it notes the sentences `select` admits (chosen now,
 * from the layers as they are at this step) and parses none of them; see the top of this file.
 */
export function deferredParser(select: (doc: Doc, s: Sentence) => boolean = () => true, name = 'parser'): Component {
  return {
    name,
    needs: ['tokens', 'sentences'],
    adds: [],
    run(doc: Doc) {
      const st = docState(doc);
      for (const s of doc.get('sentences')) if (prose(s) && select(doc, s)) st.pending.push(s.index);
    },
  };
}

/** Parses the sentences a deferred parser chose that are not parsed yet, so their tokens carry head and dep. */
export function completeParses(doc: Doc): void {
  const st = state.get(doc);
  if (!st) return;
  for (const index of st.pending) sentenceParse(doc, index);
  st.pending = [];
}
