import type { Parser } from './proposal.js';
import { expressionStarts, type Hit, type ScanInput } from './scan.js';

/**
 * One pass over the text finds where each parser's trigger words are (see ScanInput in ./scan.ts):
 * a single regular expression made of all trigger words (a literal alternation, which the engine scans
 * fast) and a scan for digits. A token with a digit in it ("2014", "21st", "1990s") is the word '#'
 * followed by the length of its run of digits ('#4', '#2').
 */
interface Compiled {
  re: RegExp;
  byWord: Map<string, number[]>;
  digitParsers: number[];
}

const cache = new WeakMap<readonly Parser[], Compiled>();

function compile(parsers: readonly Parser[]): Compiled {
  const byWord = new Map<string, number[]>();
  const digitParsers: number[] = [];
  parsers.forEach((p, i) => {
    for (const w of p.triggers.words) {
      const list = byWord.get(w) ?? [];
      if (!list.includes(i)) list.push(i);
      byWord.set(w, list);
    }
    if (p.triggers.digits) digitParsers.push(i);
  });
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  // Words are ASCII letters and digits, so \b is the right boundary; a digit run is its own alternative.
  const re = new RegExp(`\\b(?:${words.join('|')})\\b|\\d+`, 'gi');
  return { re, byWord, digitParsers };
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));
}

/** For each parser (in the order given), its ScanInput over `text`. */
export function triggerInputs(text: string, parsers: readonly Parser[]): ScanInput[] {
  let c = cache.get(parsers);
  if (!c) {
    c = compile(parsers);
    cache.set(parsers, c);
  }
  const hits: Hit[][] = parsers.map(() => []);
  const { re, byWord, digitParsers } = c;
  let lastDigitToken = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    const first = w.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      // The token the digits belong to starts at the first letter or digit before them ("Q3", "FY2020").
      let at = m.index;
      while (at > 0 && isAlnum(text.charCodeAt(at - 1))) at--;
      if (at === lastDigitToken) continue;
      lastDigitToken = at;
      const word = `#${Math.min(w.length, 9)}`;
      for (const i of digitParsers) hits[i]!.push({ at, word });
      continue;
    }
    const list = byWord.get(w.toLowerCase());
    if (list) for (const i of list) hits[i]!.push({ at: m.index, word: w.toLowerCase() });
  }
  const starts = expressionStarts(text);
  return hits.map((h) => ({ text, hits: h, starts }));
}
