import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsFrom, NoInputError } from './inputs.js';
import { DEFAULT_READ_OPTIONS, type InputItem } from './read.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const piped = (text: string) => Object.assign(Readable.from([Buffer.from(text)]), { isTTY: false });

async function ids(values: { input?: string }, positionals: string[], stdin = piped('{"id":"from-stdin","text":"Troops entered the town on Monday."}\n')) {
  const out: string[] = [];
  for await (const it of inputsFrom(values, positionals, DEFAULT_READ_OPTIONS, stdin) as AsyncGenerator<InputItem>) out.push(it.error ? `error:${it.error.message}` : it.doc.meta.id);
  return out;
}

describe('inputsFrom: "-" is standard input everywhere', () => {
  const file = path.join(tmp, 'a.txt');
  writeFileSync(file, 'Shelling hit the market on Sunday, officials said.');
  // A file really named "-" in the working directory must not be what "-" reads.
  it('as a PATH, in order among the other paths', async () => {
    expect(await ids({}, [file, '-'])).toEqual(['a.txt', 'from-stdin']);
    expect(await ids({}, ['-', file])).toEqual(['from-stdin', 'a.txt']);
  });

  it('as --input, and with no input at all', async () => {
    expect(await ids({ input: '-' }, [file])).toEqual(['from-stdin', 'a.txt']);
    expect(await ids({}, [])).toEqual(['from-stdin']);
  });

  it('is read once: naming it twice is an error, and a terminal is never waited on', async () => {
    await expect(ids({ input: '-' }, ['-'])).rejects.toThrow(NoInputError);
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    await expect(ids({}, ['-'], tty)).rejects.toThrow(/no input/);
  });
});
