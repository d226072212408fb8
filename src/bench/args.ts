/**
 * Command-line options of the bench scripts (bench:load, bench:search, probe:hostile): `--help` prints the
 * usage, and an unknown or malformed option is a one-line error with the usage (exit 2), never a stack trace
 * or a run with the option silently ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed options, or the message of what was wrong with them. */
export function parseBenchArgs<O extends Options>(argv: string[], options: O): { values: ReturnType<typeof parseArgs<{ options: O }>>['values'] } | { error: string } | { help: true } {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  try {
    return { values: parseArgs({ args: argv, options, allowPositionals: false }).values };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** parseBenchArgs on the process's arguments: prints the usage and exits for --help and for errors. */
export function benchArgs<O extends Options>(name: string, usage: string, options: O): ReturnType<typeof parseArgs<{ options: O }>>['values'] {
  const r = parseBenchArgs(process.argv.slice(2), options);
  if ('help' in r) {
    process.stdout.write(usage + '\n');
    process.exit(0);
  }
  if ('error' in r) {
    process.stderr.write(`${name}: ${r.error}\n${usage}\n`);
    process.exit(2);
  }
  return r.values;
}
