import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actorLexicon, foldForMatch } from './lexicon.js';

const dir = new URL('../../../data/actors/', import.meta.url);

describe('actor lexicon (data/actors)', () => {
  it('has an inter code from 1 to 8 and a source on every line', () => {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n')) {
        if (!line.trim() || line.startsWith('#')) continue;
        const cols = line.split('|').map((c) => c.trim());
        expect(cols.length, `${f}: ${line}`).toBeGreaterThanOrEqual(4);
        expect(cols[cols.length - 1]!.length, `${f}: source of ${line}`).toBeGreaterThan(3);
        if (f !== 'countries.txt') expect(Number(cols[2]), `${f}: ${line}`).toBeGreaterThanOrEqual(1);
        if (f !== 'countries.txt') expect(Number(cols[2]), `${f}: ${line}`).toBeLessThanOrEqual(8);
      }
    }
  });
  it('loads once, with plurals where a file asks for them', () => {
    const lex = actorLexicon();
    expect(actorLexicon()).toBe(lex);
    const find = (s: string) => {
      let n = lex.trie;
      for (const ch of foldForMatch(s)) {
        const m = n.next.get(ch);
        if (!m) return null;
        n = m;
      }
      return n.actors[0] ?? null;
    };
    expect(find('policemen')?.inter).toBe(1);
    expect(find('Arbakis')?.inter).toBe(3);
    expect(find('civilians')?.inter).toBe(7);
    expect(find('Talibans')?.inter).toBe(2);
    // named groups get no invented plural
    expect(find('Hamass')).toBeNull();
  });
  it('marks capital-letter aliases as case-sensitive and others not', () => {
    const lex = actorLexicon();
    let n = lex.trie;
    for (const ch of 'is') n = n.next.get(ch)!;
    expect(n.actors.find((e) => e.alias === 'IS')?.caseSensitive).toBe(true);
    let t = lex.trie;
    for (const ch of 'taliban') t = t.next.get(ch)!;
    expect(t.actors[0]!.caseSensitive).toBe(false);
  });
  it('folds hyphens, dashes and quotes like spaces and apostrophes', () => {
    expect(foldForMatch('Al-Shabaab’s  fighters')).toBe("al shabaab's fighters");
  });
});
