import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A CLI command: its options are parsed with node:util parseArgs, its help is generated from `usage` (its one-line summary is in ./commands/index.ts, listed without loading it). */
export interface Command {
  name: string;
  /** Usage lines and option descriptions, shown by `sitrep help COMMAND`. */
  usage: string;
  options: OptionSpec;
  /** Returns the process exit code. */
  run(values: OptionValues, positionals: string[]): Promise<number>;
}

/** Exit codes: 0 ok, 1 nothing could be processed / command failed, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** One error shape for the CLI: `sitrep: WHERE: WHAT` on one line. */
export function reportError(where: string, what: string): void {
  process.stderr.write(`sitrep: ${where}: ${what.replace(/\s*\n\s*/g, ' ')}\n`);
}

/** Error codes of the one `--json` error shape, `{"error": {"code", "message"}}`. */
export type ErrorCode =
  | 'usage'
  | 'db_open'
  | 'db_missing'
  | 'nothing_processed'
  | 'picture_stale'
  | 'desk_stale'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'rate_limited'
  | 'busy'
  | 'method_not_allowed'
  | 'too_large'
  | 'unsupported_media_type'
  | 'internal';

/** A command failure with its `--json` code and exit code. */
export class CommandFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode = EXIT_FAIL,
  ) {
    super(message);
  }
}

/** The `--json` (and HTTP) error object, on one line; `extra` adds top-level fields beside `error`. */
export function jsonError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ error: { code, message: message.replace(/\s*\n\s*/g, ' ') }, ...extra });
}
