import { readPath, readStream, type InputItem, type ReadOptions } from './read.js';

/** Raised when there is nothing to read at all (no paths, and standard input is a terminal). */
export class NoInputError extends Error {}

/**
 * The inputs of a command, in order: `--input FILE` (or "-" for standard input), then each PATH. With
 * neither, standard input. Every input is read by content (./read.ts): JSON Lines, JSON, text, HTML, feeds.
 */
export async function* inputsFrom(
  values: { input?: unknown },
  positionals: readonly string[],
  opts: ReadOptions,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): AsyncGenerator<InputItem> {
  const input = typeof values.input === 'string' ? values.input : undefined;
  if (input === '-' || (input === undefined && positionals.length === 0)) {
    if (stdin.isTTY) throw new NoInputError('no input: give --input FILE.jsonl, file paths, or pipe documents to standard input');
    yield* readStream(stdin as AsyncIterable<Uint8Array | string>, 'stdin', opts);
  } else if (input !== undefined) {
    yield* readPath(input, opts);
  }
  for (const p of positionals) yield* readPath(p, opts);
}
