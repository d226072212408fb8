import type { Component } from '../core/pipeline.js';
import type { Doc } from '../core/document.js';
import type { Sentence, SentenceKind, Token } from '../core/layers.js';
import type { Span } from '../core/span.js';
import { splitBlocks, type Block } from './blocks.js';
import { beginDocument, winkTagger } from './wink.js';

export type BareToken = Omit<Token, 'sentence'>;

/** Runs of non-space characters longer than this bypass wink: its tokenizer is quadratic in token length. */
const LONG_RUN = 256;

/**
 * Tokens, POS and lemmas from wink-nlp, aligned back to the input. Returns the tokens (whitespace tokens
 * dropped) and the character offsets where wink ends a sentence. A run of non-space characters longer
 * than LONG_RUN (a URL, a base64 blob, a megabyte of one word) becomes one token of type 'long' and a
 * sentence of its own, and wink reads the text around it.
 */
export function tokenize(text: string): { tokens: BareToken[]; sentenceEnds: number[] } {
  const tokens: BareToken[] = [];
  const sentenceEnds: number[] = [];
  beginDocument();
  let from = 0;
  if (hasLongRun(text)) {
    const long = new RegExp(`\\S{${LONG_RUN + 1},}`, 'gu');
    for (let m = long.exec(text); m; m = long.exec(text)) {
      tokenizeSegment(text, from, m.index, tokens, sentenceEnds);
      const end = m.index + m[0].length;
      tokens.push({ start: m.index, end, pos: 'X', lemma: m[0], normal: m[0].toLowerCase(), type: 'long' });
      sentenceEnds.push(m.index, end);
      from = end;
    }
  }
  tokenizeSegment(text, from, text.length, tokens, sentenceEnds);
  return { tokens, sentenceEnds };
}

/**
 * Whether the text may hold a run of more than LONG_RUN non-space characters: a run of code units
 * between \s characters (the same set as the pattern's, all in the BMP) at least that long. A run of
 * code points is never longer than its code units, so a text without such a run needs no pattern, which
 * would otherwise try up to LONG_RUN characters at every position.
 */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceUnit(text.charCodeAt(i))) run = 0;
    else if (++run > LONG_RUN) return true;
  }
  return false;
}

/** JavaScript's \s: ASCII and Unicode spaces, line terminators and the byte-order mark. */
function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * wink over text[from, to). wink's preceding-space counts are exact for ASCII whitespace but not for every
 * Unicode separator (U+2028 is counted as one space among several), so each token is located by search
 * from the end of the previous one instead of by counting.
 */
function tokenizeSegment(text: string, from: number, to: number, tokens: BareToken[], sentenceEnds: number[]): void {
  let blank = true;
  for (let i = from; i < to && blank; i++) blank = isSpaceUnit(text.charCodeAt(i));
  if (blank) return;
  const segment = from === 0 && to === text.length ? text : text.slice(from, to);
  const nlp = winkTagger();
  const its = nlp.its;
  const wdoc = nlp.readDoc(segment);
  const all = wdoc.tokens();
  const values = all.out(its.value) as string[];
  const pos = all.out(its.pos) as string[];
  // wink's typings declare lemma with a different helper signature; the call is the documented one.
  const lemma = all.out(its.lemma as unknown as typeof its.value) as string[];
  const normal = all.out(its.normal) as string[];
  const type = all.out(its.type) as string[];
  const endOf: number[] = new Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const start = segment.startsWith(v, at) ? at : segment.indexOf(v, at);
    if (start < 0) {
      // wink rewrote the token beyond recognition: drop it rather than point at the wrong text.
      endOf[i] = at;
      continue;
    }
    at = start + v.length;
    endOf[i] = at;
    if (pos[i] === 'SPACE' || v.trim() === '') continue;
    tokens.push({ start: from + start, end: from + at, pos: pos[i]!, lemma: lemma[i]!, normal: normal[i]!, type: type[i]! });
  }
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  for (const [, last] of spans) sentenceEnds.push(from + (endOf[last] ?? segment.length));
}

/**
 * Sentences: wink's boundaries, cut further at block boundaries (paragraphs, headings, bullets), so a
 * heading or a bullet is always a sentence of its own and no sentence spans two paragraphs.
 */
export function sentencesOf(
  tokens: BareToken[],
  sentenceEnds: number[],
  blocks: Block[],
  cuts: readonly Span[] = [],
): Omit<Sentence, 'kind'>[] {
  const sentences: Omit<Sentence, 'kind'>[] = [];
  let b = 0;
  let e = 0;
  // Which cut (e.g. a boilerplate span sharing a line with prose) each token falls in, -1 for none:
  // a sentence never straddles a cut's edge, so the cut becomes a sentence of its own.
  let c = 0;
  let inCut = -1;
  let open: Omit<Sentence, 'kind' | 'index'> | null = null;
  const flush = () => {
    if (open) sentences.push({ index: sentences.length, ...open });
    open = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (b < blocks.length - 1 && t.start >= blocks[b]!.end) b++;
    let crossed = false;
    while (e < sentenceEnds.length && sentenceEnds[e]! <= t.start) {
      e++;
      crossed = true;
    }
    while (c < cuts.length && cuts[c]!.end <= t.start) c++;
    const cut = c < cuts.length && cuts[c]!.start <= t.start ? c : -1;
    if (open && (crossed || open.paragraph !== b || cut !== inCut)) flush();
    inCut = cut;
    if (!open) open = { start: t.start, end: t.end, paragraph: b, tokenStart: i, tokenEnd: i + 1 };
    else {
      open.end = t.end;
      open.tokenEnd = i + 1;
    }
  }
  flush();
  return sentences;
}

export const tokenizer: Component = {
  name: 'tokenizer',
  needs: ['boilerplate'],
  adds: ['tokens', 'sentences'],
  run(doc: Doc) {
    const { tokens, sentenceEnds } = tokenize(doc.text);
    const blocks = splitBlocks(doc.text);
    const boiler = doc.get('boilerplate');
    const cuts = [...boiler].sort((x, y) => x.start - y.start);
    const bare = sentencesOf(tokens, sentenceEnds, blocks, cuts);
    const sentences: Sentence[] = new Array(bare.length);
    const withSentence: Token[] = new Array(tokens.length);
    for (let k = 0; k < bare.length; k++) {
      const s = bare[k]!;
      let kind: SentenceKind = blocks[s.paragraph]?.kind ?? 'text';
      for (const x of boiler) {
        if (x.start <= s.start && s.end <= x.end) {
          kind = 'boilerplate';
          break;
        }
      }
      sentences[k] = { index: s.index, start: s.start, end: s.end, paragraph: s.paragraph, tokenStart: s.tokenStart, tokenEnd: s.tokenEnd, kind };
    }
    // Every token lies in one sentence (sentencesOf covers them all, in order); a token outside every
    // sentence would keep -1, as it always has.
    let k = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      while (k < sentences.length && sentences[k]!.tokenEnd <= i) k++;
      const sentence = k < sentences.length && sentences[k]!.tokenStart <= i ? k : -1;
      withSentence[i] = { start: t.start, end: t.end, pos: t.pos, lemma: t.lemma, normal: t.normal, type: t.type, sentence };
    }
    doc.set('tokens', withSentence);
    doc.set('sentences', sentences);
  },
};
