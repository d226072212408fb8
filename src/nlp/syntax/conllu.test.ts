import { describe, expect, it } from 'vitest';
import { ConlluError, formatConllu, noSpaceAfter, parseConllu, parseIob2 } from './conllu.js';

// Written for this test.
const SAMPLE = [
  '# newdoc id = note-1',
  '# sent_id = note-1-1',
  '# text = Rebels didn\'t leave.',
  '1\tRebels\trebel\tNOUN\tNNS\t_\t4\tnsubj\t4:nsubj\t_',
  '2-3\tdidn\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t4:aux\t_',
  '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_',
  '4\tleave\tleave\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No',
  '4.1\tleft\t_\t_\t_\t_\t_\t_\t4:conj\t_',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_',
  '',
  '# sent_id = note-1-2',
  '1\tGo\tgo\tVERB\tVB\t_\t0\troot\t0:root\t_',
  '',
].join('\n');

describe('CoNLL-U', () => {
  it('reads words, heads and relations, keeps ranges and comments, drops empty nodes', () => {
    const [a, b] = parseConllu(SAMPLE);
    expect(a!.id).toBe('note-1-1');
    expect(a!.words.map((w) => w.form)).toEqual(['Rebels', 'did', "n't", 'leave', '.']);
    expect(a!.words[0]!.head).toBe(4);
    expect(a!.words[3]!.deprel).toBe('root');
    expect(noSpaceAfter(a!.words[3]!)).toBe(true);
    expect(a!.ranges.get(2)).toMatch(/^2-3\tdidn't/);
    expect(a!.comments[0]).toBe('# newdoc id = note-1');
    expect(b!.words).toHaveLength(1);
  });

  it('writes back what it read (with the predicted columns in place)', () => {
    const s = parseConllu(SAMPLE);
    const again = parseConllu(formatConllu(s));
    expect(again.map((x) => x.words.map((w) => [w.form, w.upos, w.head, w.deprel]))).toEqual(s.map((x) => x.words.map((w) => [w.form, w.upos, w.head, w.deprel])));
    expect(formatConllu(s)).toContain("2-3\tdidn't");
  });

  it('names the line of a malformed word', () => {
    expect(() => parseConllu('1\tA\n')).toThrow(ConlluError);
    expect(() => parseConllu('1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n')).toThrow(/line 2: word id 3 out of sequence/);
  });
});

describe('IOB2', () => {
  it('reads PER/ORG/LOC and folds other tags to O', () => {
    const [s] = parseIob2('# sent_id = x-1\n1\tMaria\tB-PER\n2\tvisited\tO\n3\tLake\tB-LOC\n4\tChad\tI-LOC\n5\tFrench\tB-OTH\n6\tthen\tB-O\n');
    expect(s!.id).toBe('x-1');
    expect(s!.tags).toEqual(['B-PER', 'O', 'B-LOC', 'I-LOC', 'O', 'O']);
  });
});
