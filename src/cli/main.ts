#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { EXIT_FAIL, EXIT_USAGE, UsageError, jsonError, reportError, type Command } from './command.js';
import { commands } from './commands/index.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'sitrep: a crisis news desk. Reads reports, extracts sourced events, figures, places and times.',
    '',
    'usage: sitrep COMMAND [OPTIONS]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'sitrep help COMMAND   shows a command\'s options.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(help() + '\n');
    return name ? 0 : EXIT_USAGE;
  }
  if (name === 'help') {
    const c = commands.find((x) => x.name === rest[0]);
    process.stdout.write((c ? (await c.load()).usage : help()) + '\n');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    reportError(name, `unknown command (try: sitrep help)`);
    return EXIT_USAGE;
  }
  // Only the command that runs is loaded (with what it imports).
  const command: Command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(values, positionals);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      reportError(command.name, (e as Error).message);
      process.stderr.write(`usage: ${command.usage.split('\n')[0]}\n`);
      if (rest.includes('--json')) process.stdout.write(jsonError('usage', (e as Error).message) + '\n');
      return EXIT_USAGE;
    }
    reportError(command.name, (e as Error).stack ?? String(e));
    if (rest.includes('--json')) process.stdout.write(jsonError('internal', (e as Error).message ?? String(e)) + '\n');
    return EXIT_FAIL;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    reportError('sitrep', String(e));
    process.exitCode = EXIT_FAIL;
  },
);
