import { describe, expect, it } from 'vitest';
import { byteLines, type Line } from './lines.js';

async function lines(chunks: (string | Uint8Array)[], max = 100): Promise<Line[]> {
  const out: Line[] = [];
  async function* gen() {
    yield* chunks;
  }
  for await (const l of byteLines(gen(), max)) out.push(l);
  return out;
}

describe('byteLines', () => {
  it('splits on LF, strips CR and a leading BOM, joins lines across chunks', async () => {
    const got = await lines([new Uint8Array([0xef, 0xbb, 0xbf]), 'a\r\nb', 'c\n', 'last']);
    expect(got.map((l) => [l.n, l.text])).toEqual([[1, 'a'], [2, 'bc'], [3, 'last']]);
  });
  it('decodes UTF-8 split inside a character, and falls back to Windows-1252 for a bad line only', async () => {
    const e = new TextEncoder().encode('café\n');
    const got = await lines([e.subarray(0, 4), e.subarray(4), new Uint8Array([0x93, 0x61, 0x94, 0x0a]), 'ok\n']);
    expect(got.map((l) => [l.text, l.warning])).toEqual([['café', null], ['“a”', 'not valid UTF-8; read as Windows-1252'], ['ok', null]]);
  });
  it('reports an overlong line without holding it, and goes on', async () => {
    const got = await lines(['short\n', 'x'.repeat(60), 'x'.repeat(60), '\nnext\n'], 100);
    expect(got.map((l) => [l.n, l.text, l.bytes])).toEqual([[1, 'short', 5], [2, null, 120], [3, 'next', 4]]);
  });
  it('yields nothing for empty input and keeps empty lines as empty', async () => {
    expect(await lines([])).toEqual([]);
    expect((await lines(['\n\n'])).map((l) => l.text)).toEqual(['', '']);
  });
});
