import { readPath, readStream, type InputItem, type ReadOptions } from './read.js';

/** Raised when there is nothing to read at all (no paths, and standard input is a terminal). */
export class NoInputError extends Error {}

/** "-" as a path: standard input, as Unix tools read it (a file named "-" is reached as ./-). */
export const STDIN_PATH = '-';

/**
 * The inputs of a command, in order: `--input FILE`, then each PATH; "-" in either place is standard input
 * (read once: naming it twice is an error, the second read would find it empty). With neither, standard
 * input. Every input is read by content (./read.ts): JSON Lines, JSON, text, HTML, feeds.
 */
export async function* inputsFrom(
  values: { input?: unknown },
  positionals: readonly string[],
  opts: ReadOptions,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): AsyncGenerator<InputItem> {
  const input = typeof values.input === 'string' ? values.input : undefined;
  const paths = [...(input !== undefined ? [input] : []), ...positionals];
  if (paths.length === 0) paths.push(STDIN_PATH);
  if (paths.filter((p) => p === STDIN_PATH).length > 1) throw new NoInputError('standard input ("-") can be read only once');
  for (const p of paths) {
    if (p === STDIN_PATH) {
      if (stdin.isTTY) throw new NoInputError('no input: give --input FILE.jsonl, file paths, or pipe documents to standard input');
      yield* readStream(stdin as AsyncIterable<Uint8Array | string>, 'stdin', opts);
    } else {
      yield* readPath(p, opts);
    }
  }
}
