import { createInterface } from 'node:readline';
import type { Command } from '../command.js';
import { EXIT_FAIL, EXIT_OK, reportError, UsageError } from '../command.js';
import { defaultPipeline } from '../../analyze/pipeline.js';
import { toAnalysis } from '../../analyze/output.js';
import { DEFAULT_READ_OPTIONS, fileLines, readJsonl, readPath, type InputItem, type ReadOptions } from '../../ingest/read.js';
import { intOption } from '../options.js';

export async function* inputsFrom(
  values: Record<string, unknown>,
  positionals: string[],
  opts: ReadOptions,
): AsyncGenerator<InputItem> {
  const jsonl = values.input as string | undefined;
  if (jsonl === '-' || (!jsonl && positionals.length === 0)) {
    if (process.stdin.isTTY) throw new UsageError('no input: give --input FILE.jsonl, file paths, or JSON Lines on standard input');
    yield* readJsonl(createInterface({ input: process.stdin, crlfDelay: Infinity }), 'stdin', opts);
  } else if (jsonl) {
    yield* readJsonl(fileLines(jsonl), jsonl, opts);
  }
  for (const p of positionals) yield* readPath(p, opts);
}

export const analyze: Command = {
  name: 'analyze',
  summary: 'analyse documents and write one JSON object per document (analysis v1) to standard output',
  usage: `sitrep analyze [--input DOCS.jsonl | -] [PATH...] [--tokens] [--max-chars N]

  --input FILE     JSON Lines input, one {id, text, published?, title?, url?, source?} per line ("-": stdin)
  PATH...          text, HTML or feed files, JSON Lines (*.jsonl) or folders of them
  --tokens         also write the token layer (large)
  --max-chars N    refuse documents longer than N characters (default ${DEFAULT_READ_OPTIONS.maxChars})

With no --input and no PATH, JSON Lines are read from standard input. Output: docs/analysis-v1.md.
Documents that cannot be read are reported on stderr, one line each; the exit code is 1 only if none could be analysed.`,
  options: {
    input: { type: 'string', short: 'i' },
    tokens: { type: 'boolean' },
    'max-chars': { type: 'string' },
  },
  async run(values, positionals) {
    const opts: ReadOptions = { ...DEFAULT_READ_OPTIONS, maxChars: intOption(values, 'max-chars', DEFAULT_READ_OPTIONS.maxChars) };
    const pipeline = defaultPipeline();
    let ok = 0;
    let failed = 0;
    for await (const it of inputsFrom(values, positionals, opts)) {
      if (it.error) {
        failed++;
        reportError(it.error.origin, it.error.message);
        continue;
      }
      try {
        pipeline.run(it.doc);
        const line = JSON.stringify(toAnalysis(it.doc, { tokens: values.tokens === true }));
        if (!process.stdout.write(line + '\n')) await new Promise((r) => process.stdout.once('drain', r));
        ok++;
      } catch (e) {
        failed++;
        reportError(it.doc.meta.origin, `analysis failed: ${(e as Error).message}`);
      }
    }
    return ok === 0 && failed > 0 ? EXIT_FAIL : EXIT_OK;
  },
};
