/**
 * From sitrep's tokens (wink-nlp's) to the words the models were trained on (UD English-EWT's). wink
 * already splits most of what EWT splits ("do|n't", "army|'s", "18|-|year|-|old"); what it leaves whole
 * is split here: clitics after a name or pronoun ("Smith's", "I'm") and the fused "gonna"/"wanna"/
 * "gotta". Curly apostrophes and quotes are read as the straight ones EWT mostly has. A word keeps its
 * offsets into the text, and the token it came from, so every prediction attaches back to sitrep's
 * tokens and to the exact characters.
 */
import type { Span } from '../../core/span.js';

export interface SyntaxWord extends Span {
  /** The word as the models see it (quotes and apostrophes straightened). */
  form: string;
  /** Index of the sitrep token the word is part of. */
  token: number;
}

const CLITIC = /^(\p{L}[\p{L}.]*?)(['’](?:s|m|re|ve|ll|d))$/iu;
const FUSED = /^(gon|wan|got)(na|ta)$/i;

/** The models' form of a word: curly quotes and apostrophes straightened. */
export function modelForm(s: string): string {
  return s.replace(/[‘’‛′]/g, "'").replace(/[“”„‟″]/g, '"');
}

/** The words of tokens [from, to) of `tokens`, in order. */
export function wordsOf(text: string, tokens: readonly Span[], from: number, to: number): SyntaxWord[] {
  const out: SyntaxWord[] = [];
  for (let t = from; t < to; t++) {
    const tok = tokens[t]!;
    const s = text.slice(tok.start, tok.end);
    const m = CLITIC.exec(s) ?? (s.length <= 6 ? FUSED.exec(s) : null);
    if (m && m[1]!.length > 0) {
      const cut = tok.start + m[1]!.length;
      out.push({ start: tok.start, end: cut, form: modelForm(m[1]!), token: t });
      out.push({ start: cut, end: tok.end, form: modelForm(m[2]!), token: t });
    } else {
      out.push({ start: tok.start, end: tok.end, form: modelForm(s), token: t });
    }
  }
  return out;
}
