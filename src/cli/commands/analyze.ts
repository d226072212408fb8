import type { Command } from '../command.js';
import { EXIT_FAIL, EXIT_OK, reportError, UsageError } from '../command.js';
import { analysisFailure, analyzerFor, TaskError } from '../../analyze/analyzer.js';
import { mapOrdered } from '../../workers/ordered.js';
import { inputsFrom as readInputs, NoInputError } from '../../ingest/inputs.js';
import { DEFAULT_READ_OPTIONS, formatBytes, type ForcedFormat, type InputItem, type ReadOptions } from '../../ingest/read.js';
import { intOption, workersOption, WORKERS_USAGE } from '../options.js';

const FORMATS: readonly ForcedFormat[] = ['text', 'html', 'feed', 'jsonl', 'json'];

/** Read options from the shared input flags (--max-chars, --max-bytes, --format); also used by `ingest`. */
export function readOptionsFrom(values: Record<string, unknown>): ReadOptions {
  const format = values.format;
  if (format !== undefined && !FORMATS.includes(format as ForcedFormat)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  }
  return {
    ...DEFAULT_READ_OPTIONS,
    maxChars: intOption(values, 'max-chars', DEFAULT_READ_OPTIONS.maxChars),
    maxBytes: intOption(values, 'max-bytes', DEFAULT_READ_OPTIONS.maxBytes),
    format: format as ForcedFormat | undefined,
  };
}

/** The input flags, shared by commands that read documents. */
export const INPUT_OPTIONS = {
  input: { type: 'string', short: 'i' },
  'max-chars': { type: 'string' },
  'max-bytes': { type: 'string' },
  format: { type: 'string' },
} as const;

export const INPUT_USAGE = `  --input FILE     an input file ("-": standard input); JSON Lines: one {id, text, published?, title?, url?, source?} a line
  PATH...          files or folders: plain text, HTML pages, RSS/Atom feeds, JSON Lines, JSON (told by content)
  --format F       read every input as F (text, html, feed, jsonl, json) instead of telling by content
  --max-chars N    refuse documents longer than N characters (default ${DEFAULT_READ_OPTIONS.maxChars})
  --max-bytes N    refuse single-document files larger than N bytes, and JSON Lines lines longer than that
                   (default ${DEFAULT_READ_OPTIONS.maxBytes} = ${formatBytes(DEFAULT_READ_OPTIONS.maxBytes)})`;

/** The documents to read, from --input, paths or standard input (see src/ingest/inputs.ts). */
export async function* inputsFrom(values: Record<string, unknown>, positionals: string[], opts: ReadOptions): AsyncGenerator<InputItem> {
  try {
    yield* readInputs(values, positionals, opts);
  } catch (e) {
    if (e instanceof NoInputError) throw new UsageError(e.message);
    throw e;
  }
}

/** Report an unreadable input, or the warnings of a readable one, on stderr (one line each). */
export function reportInput(it: InputItem): void {
  if (it.error) reportError(it.error.origin, it.error.message);
  else for (const w of it.info.warnings) reportError(it.doc.meta.origin, w);
}

export const analyze: Command = {
  name: 'analyze',
  usage: `sitrep analyze [--input FILE | -] [PATH...] [--tokens] [--workers N] [--format F] [--max-chars N] [--max-bytes N]

${INPUT_USAGE}
  --tokens         also write the token layer (large)
${WORKERS_USAGE}

With no --input and no PATH, documents are read from standard input (JSON Lines, or one text, HTML page or
feed). Output: docs/analysis-v1.md; inputs: docs/input.md. Inputs that cannot be read are reported on
stderr, one line each (sitrep: WHERE: WHAT); the exit code is 1 only if no document could be analysed.
Output is in input order whatever the number of workers.`,
  options: {
    ...INPUT_OPTIONS,
    tokens: { type: 'boolean' },
    workers: { type: 'string' },
  },
  async run(values, positionals) {
    const opts = readOptionsFrom(values);
    const analyzer = analyzerFor(workersOption(values));
    const tokens = values.tokens === true;
    let ok = 0;
    try {
      // Documents are analysed a few ahead (in worker threads) and written in input order.
      const items = inputsFrom(values, positionals, opts);
      for await (const [it, r] of mapOrdered(items, analyzer.concurrency * 4, (x) => (x.error ? Promise.resolve('') : analyzer.json(x.doc, { tokens })))) {
        reportInput(it);
        if (it.error) continue;
        if (r.ok) {
          if (!process.stdout.write(r.value + '\n')) await new Promise((res) => process.stdout.once('drain', res));
          ok++;
        } else {
          reportError(it.doc.meta.origin, `analysis failed: ${analysisFailure(r.error)}`);
          if (process.env.SITREP_DEBUG) console.error(r.error instanceof TaskError ? r.error.workerStack : (r.error as Error).stack);
        }
      }
    } finally {
      await analyzer.close();
    }
    return ok === 0 ? EXIT_FAIL : EXIT_OK;
  },
};
