import type { Command } from '../command.js';
import { EXIT_FAIL, EXIT_OK, reportError, UsageError } from '../command.js';
import { defaultPipeline } from '../../analyze/pipeline.js';
import { toAnalysis } from '../../analyze/output.js';
import { inputsFrom as readInputs, NoInputError } from '../../ingest/inputs.js';
import { DEFAULT_READ_OPTIONS, formatBytes, type ForcedFormat, type InputItem, type ReadOptions } from '../../ingest/read.js';
import { intOption } from '../options.js';

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
  summary: 'analyse documents and write one JSON object per document (analysis v1) to standard output',
  usage: `sitrep analyze [--input FILE | -] [PATH...] [--tokens] [--format F] [--max-chars N] [--max-bytes N]

${INPUT_USAGE}
  --tokens         also write the token layer (large)

With no --input and no PATH, documents are read from standard input (JSON Lines, or one text, HTML page or
feed). Output: docs/analysis-v1.md; inputs: docs/input.md. Inputs that cannot be read are reported on
stderr, one line each (sitrep: WHERE: WHAT); the exit code is 1 only if no document could be analysed.`,
  options: {
    ...INPUT_OPTIONS,
    tokens: { type: 'boolean' },
  },
  async run(values, positionals) {
    const opts = readOptionsFrom(values);
    const pipeline = defaultPipeline();
    let ok = 0;
    for await (const it of inputsFrom(values, positionals, opts)) {
      reportInput(it);
      if (it.error) continue;
      try {
        pipeline.run(it.doc);
        const line = JSON.stringify(toAnalysis(it.doc, { tokens: values.tokens === true }));
        if (!process.stdout.write(line + '\n')) await new Promise((r) => process.stdout.once('drain', r));
        ok++;
      } catch (e) {
        reportError(it.doc.meta.origin, `analysis failed: ${(e as Error).message}`);
        if (process.env.SITREP_DEBUG) console.error((e as Error).stack);
      }
    }
    return ok === 0 ? EXIT_FAIL : EXIT_OK;
  },
};
