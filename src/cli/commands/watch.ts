import type { Command } from '../command.js';
import { CommandFailure, EXIT_OK, reportError, UsageError } from '../command.js';
import { analyzerFor } from '../../analyze/analyzer.js';
import { isFeedUrl } from '../../watch/fetch-feed.js';
import { storeFiles, Watcher } from '../../watch/watcher.js';
import { readOptionsFrom } from './analyze.js';
import { DB_HELP, describeDb, closeWriter, fail, openFromOptions, syncDesk } from './store-common.js';
import { queueFor } from '../../store/queue.js';
import { workersOption, WORKERS_USAGE } from '../options.js';

function seconds(values: Record<string, unknown>, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400 * 7) throw new UsageError(`--${name} must be a number of seconds above 0, got ${JSON.stringify(v)}`);
  return n;
}

export const watch: Command = {
  name: 'watch',
  usage: `sitrep watch PATH|FEED-URL... [--db PATH|URL] [--interval SECONDS] [--feed-interval SECONDS] [--once] [--workers N]

  PATH...          files and folders (text, HTML, RSS/Atom feeds, JSON Lines, JSON: read as \`sitrep ingest\`
                   reads them), watched for new and changed files
  FEED-URL...      http(s) URLs of RSS/Atom feeds (or any input sitrep reads), fetched with a conditional GET
${DB_HELP}
  --interval S     seconds between two looks at the paths (default 10)
  --feed-interval S  seconds between two fetches of one URL (default 300)
  --timeout S      give up on a URL that has not answered in full after S seconds (default 30)
  --once           one pass, then exit (the summary line is printed as by \`sitrep ingest\`)
  --allow-private  let a feed redirect to loopback, private, link-local or reserved addresses (refused by
                   default: a feed's own URL may name any host, what it redirects to must be public)
  --format F       read every input as F (text, html, feed, jsonl, json) instead of telling by content
  --max-chars N    refuse documents longer than N characters
  --max-bytes N    refuse single-document files, fetched feeds and JSON Lines lines larger than N bytes
${WORKERS_USAGE}

A file is read when its size and modification time are the same at two looks in a row (files present at
the start: two looks a second apart; a file being written waits), and an unchanged one is never read
again. A document already stored is neither analysed nor stored again, so a feed that gained one item costs
one analysis. Each problem is one line on stderr (sitrep: WHERE: WHAT), printed once, and the watch goes on.
On PostgreSQL with \`sitrep worker\` processes running, new documents are put in their queue instead of being
analysed here (as \`sitrep ingest\` does). SIGINT (Ctrl-C) or SIGTERM stops after the current document and
closes the store.`,
  options: {
    db: { type: 'string' },
    interval: { type: 'string' },
    'feed-interval': { type: 'string' },
    timeout: { type: 'string' },
    once: { type: 'boolean' },
    'allow-private': { type: 'boolean' },
    format: { type: 'string' },
    'max-chars': { type: 'string' },
    'max-bytes': { type: 'string' },
    workers: { type: 'string' },
  },
  async run(values, positionals) {
    if (positionals.length === 0) throw new UsageError('give the folders, files or feed URLs to watch');
    for (const t of positionals) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t) && !isFeedUrl(t)) throw new UsageError(`${t}: only http(s) URLs can be watched`);
    if (positionals.includes('-')) throw new UsageError('watch reads files, folders and feeds, not standard input (use `sitrep ingest -`)');
    const intervalMs = seconds(values, 'interval', 10) * 1000;
    const feedIntervalMs = seconds(values, 'feed-interval', 300) * 1000;
    const fetchTimeoutMs = seconds(values, 'timeout', 30) * 1000;
    const read = readOptionsFrom(values);
    const once = values.once === true;
    const workers = workersOption(values);
    let opened;
    let analyzer;
    try {
      opened = await openFromOptions(values);
      const { store, location } = opened;
      const say = (line: string) => process.stderr.write(line + '\n');
      analyzer = analyzerFor(workers);
      const watcher = new Watcher({
        store,
        analyzer,
        targets: positionals,
        read,
        exclude: storeFiles(location),
        feedIntervalMs,
        fetchTimeoutMs,
        allowPrivate: values['allow-private'] === true,
        // PostgreSQL with \`sitrep worker\` processes running: documents go to their queue (asked at each pass).
        queue: () => queueFor(store),
        reporter: {
          problem: (where, message) => reportError(where, message),
          stored: (where, c) =>
            say(`watch: ${where}: ${c.queued ? `${c.queued} queued for workers` : `${c.new} new`}${c.existing ? `, ${c.existing} already stored` : ''}${c.failed ? `, ${c.failed} failed` : ''}`),
        },
      });
      let signals = 0;
      const onSignal = (name: string) => {
        signals++;
        if (signals > 1) process.exit(130); // asked twice: do not wait for the document being analysed
        say(`watch: ${name}: stopping`);
        watcher.stop();
        wake?.();
      };
      const onInt = () => onSignal('SIGINT');
      const onTerm = () => onSignal('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      let wake: (() => void) | null = null;
      try {
        if (!once) {
          const urls = positionals.filter(isFeedUrl).length;
          say(
            `watch: ${positionals.length - urls} path${positionals.length - urls === 1 ? '' : 's'} every ${intervalMs / 1000} s${
              urls ? `, ${urls} feed URL${urls === 1 ? '' : 's'} every ${feedIntervalMs / 1000} s` : ''
            } into ${describeDb(location)}; Ctrl-C to stop`,
          );
        }
        do {
          const before = watcher.totals.new;
          await watcher.pass();
          // What this pass stored shows on a read-only server's desk without waiting for the watch to end.
          if (watcher.totals.new !== before) await syncDesk(store, 'watch');
          if (once || watcher.stopped) break;
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, intervalMs);
            wake = () => {
              clearTimeout(t);
              resolve();
            };
          });
          wake = null;
        } while (!watcher.stopped);
      } finally {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      }
      const t = watcher.totals;
      say(`watch: ${t.new} new, ${t.queued ? `${t.queued} queued for workers, ` : ''}${t.existing} already stored, ${t.failed} failed (${describeDb(location)})`);
      if (once && t.new + t.existing + t.queued === 0 && t.failed > 0) throw new CommandFailure('nothing_processed', `none of the ${t.failed} inputs could be stored`);
      return EXIT_OK;
    } catch (e) {
      return fail(values, 'watch', e);
    } finally {
      await analyzer?.close();
      await closeWriter(opened?.store, 'watch');
    }
  },
};
