import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One line of the actor lexicon (data/actors/README.md). */
export interface ActorEntry {
  alias: string;
  /** Name template; `{country}` is filled in when the actor is coded. */
  actor: string;
  inter: number;
  /** ISO code, '*' (from the text or the event's country) or '-' (none). */
  country: string;
  /** Capital-letter aliases ("IS", "NDS") must be written in capitals. */
  caseSensitive: boolean;
  file: string;
}

export interface CountryEntry {
  code: string;
  name: string;
}

/** A country under one of its names; names written in capitals ("US", "CAR") match only in capitals. */
export interface CountryAlias {
  entry: CountryEntry;
  caseSensitive: boolean;
}

/** A node of the character trie aliases are matched with. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  actors: ActorEntry[];
  countries: CountryAlias[];
}

export interface Lexicon {
  trie: TrieNode;
  countries: Map<string, CountryEntry>;
  size: number;
}

const DATA_DIR = new URL('../../../data/actors/', import.meta.url);

/** Folds text the way aliases are stored: lower case, ASCII quotes, hyphens and runs of spaces as one space. */
export function foldForMatch(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[-‐‑‒–—]/g, ' ')
    .replace(/\s+/g, ' ');
}

function plural(word: string): string[] {
  const w = word;
  if (/(man)$/i.test(w)) return [w.replace(/man$/i, 'men')];
  if (/child$/i.test(w)) return [w + 'ren'];
  if (/person$/i.test(w)) return [w.replace(/person$/i, 'people'), w + 's'];
  if (/[^aeiou]y$/i.test(w)) return [w.slice(0, -1) + 'ies'];
  if (/(s|x|z|ch|sh)$/i.test(w)) return [w + 'es'];
  if (/[a-z]$/i.test(w)) return [w + 's'];
  return [];
}

function newNode(): TrieNode {
  return { next: new Map(), actors: [], countries: [] };
}

function insert(root: TrieNode, key: string): TrieNode {
  let n = root;
  for (const ch of key) {
    let m = n.next.get(ch);
    if (!m) {
      m = newNode();
      n.next.set(ch, m);
    }
    n = m;
  }
  return n;
}

function isCaps(alias: string): boolean {
  const letters = alias.replace(/[^A-Za-z]/g, '');
  return letters.length >= 1 && letters === letters.toUpperCase() && /[A-Z]/.test(letters) && alias.replace(/[^A-Za-z0-9]/g, '').length <= 6;
}

function parseLines(text: string, file: string, onLine: (cols: string[], pluralMode: boolean) => void): void {
  let pluralMode = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '#! plural') {
      pluralMode = true;
      continue;
    }
    if (line === '#! singular') {
      pluralMode = false;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const cols = line.split('|').map((c) => c.trim());
    if (cols.length < 4) throw new Error(`data/actors/${file}: malformed line: ${line}`);
    onLine(cols, pluralMode);
  }
}

function load(): Lexicon {
  const root = newNode();
  const countries = new Map<string, CountryEntry>();
  let size = 0;
  const dir = fileURLToPath(DATA_DIR);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const text = readFileSync(new URL(file, DATA_DIR), 'utf8');
    if (file === 'countries.txt') {
      parseLines(text, file, (cols) => {
        const [code, name, aliases] = cols as [string, string, string];
        const entry = { code, name };
        countries.set(code, entry);
        for (const a of aliases.split(',').map((x) => x.trim()).filter(Boolean)) {
          const caseSensitive = isCaps(a);
          insert(root, foldForMatch(a)).countries.push({ entry, caseSensitive });
          if (!/'s$/.test(a)) insert(root, foldForMatch(a) + "'s").countries.push({ entry, caseSensitive });
          size++;
        }
      });
      continue;
    }
    parseLines(text, file, (cols, pluralMode) => {
      const [alias, actor, inter, country] = cols as [string, string, string, string];
      const entry: ActorEntry = { alias, actor, inter: Number(inter), country, caseSensitive: isCaps(alias), file };
      if (!Number.isInteger(entry.inter) || entry.inter < 1 || entry.inter > 8) throw new Error(`data/actors/${file}: bad inter for ${alias}`);
      const forms = [alias];
      if (pluralMode) {
        const words = alias.split(' ');
        for (const p of plural(words[words.length - 1]!)) forms.push([...words.slice(0, -1), p].join(' '));
      }
      for (const f of forms) {
        insert(root, foldForMatch(f)).actors.push(entry);
        size++;
      }
    });
  }
  return { trie: root, countries, size };
}

let lexicon: Lexicon | null = null;

/** The actor lexicon, read from data/actors once per process. */
export function actorLexicon(): Lexicon {
  lexicon ??= load();
  return lexicon;
}
