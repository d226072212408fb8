/**
 * Live ingestion: `sitrep watch` polls folders, files and http(s) feeds and stores what is new, through the
 * same reader, pipeline and `ingest` as `sitrep ingest`. Idempotent twice over: a file whose size and
 * modification time have not changed is not even read, and a document already stored (same content hash)
 * is not analysed again — so a feed that gained one item costs one analysis.
 *
 * A file is read when it rests: once its size and modification time are the same at two looks in a row
 * (for files there when the watch starts, two looks a second apart in the first pass; later, two polls);
 * a file being written waits. A file that
 * changes while it is read is read again at the next poll. Every problem is one line for that file or feed
 * (reported once until it changes), and the watch goes on.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Analyzer } from '../analyze/analyzer.js';
import type { Pipeline } from '../core/pipeline.js';
import { readBytes, readPath, type InputItem, type ReadOptions } from '../ingest/read.js';
import { ingest } from '../store/ingest.js';
import type { Enqueue } from '../store/queue.js';
import type { Store } from '../store/types.js';
import { OUTSIDE_MESSAGE, realInside } from '../ingest/inside.js';
import { fetchFeed, FetchError, isFeedUrl, type FetchState } from './fetch-feed.js';
import { scan, type FileEntry } from './scan.js';

export interface Counts {
  new: number;
  existing: number;
  failed: number;
  /** Put in the queue for \`sitrep worker\` processes (PostgreSQL with workers running). */
  queued: number;
}

export interface WatchReporter {
  /** One problem with one input: `where` is a file, "FILE:LINE", "FEED#ITEM" or a URL. */
  problem(where: string, message: string): void;
  /** A file or feed was read and something in it was new. */
  stored(where: string, counts: Counts): void;
}

export interface WatcherOptions {
  store: Store;
  /** Where documents are analysed (worker threads: ../analyze/analyzer.ts); else `pipeline` in this thread. */
  analyzer?: Analyzer;
  pipeline?: Pipeline;
  /** Paths (files, folders) and http(s) feed URLs. */
  targets: readonly string[];
  read: ReadOptions;
  reporter: WatchReporter;
  /** Absolute paths never read: the store's own SQLite files when they sit in a watched folder. */
  exclude?: ReadonlySet<string>;
  /** Minimum time between two fetches of one feed URL (ms); file targets are polled at every pass. */
  feedIntervalMs?: number;
  fetchTimeoutMs?: number;
  /** Let feeds redirect to loopback, private, link-local and other non-public addresses (--allow-private). */
  allowPrivate?: boolean;
  /** Milliseconds between the two looks at files present when the watch starts (default 1000). */
  settleMs?: number;
  /** Clock for the feed interval (tests). */
  now?: () => number;
  /**
   * Asked at each pass: where documents go instead of being analysed here (../store/queue.ts queueFor: the
   * PostgreSQL queue while workers are running), or null.
   */
  queue?: () => Promise<Enqueue | null>;
}

interface FileState {
  size: number;
  mtimeMs: number;
  /** Read (and stored, or its problems reported) at this size and time. */
  done: boolean;
}

interface FeedState extends FetchState {
  nextAt: number;
  /** The last body read, so a server that ignores conditional requests still costs no re-read. */
  body?: Buffer;
}

export class Watcher {
  private readonly files = new Map<string, FileState>();
  private readonly feeds = new Map<string, FeedState>();
  /** The last problem reported per target, so a problem that persists is reported once. */
  private readonly lastProblem = new Map<string, string>();
  private passes = 0;
  private stopping = false;
  private readonly abort = new AbortController();
  readonly totals: Counts = { new: 0, existing: 0, failed: 0, queued: 0 };
  /** This pass's queue (see WatcherOptions.queue). */
  private enqueue: Enqueue | null = null;

  constructor(private readonly o: WatcherOptions) {}

  /** Stop soon: the document being analysed is finished, nothing more is started, fetches are aborted. */
  stop(): void {
    this.stopping = true;
    this.abort.abort();
  }

  get stopped(): boolean {
    return this.stopping;
  }

  /**
   * Items with a turn for the event loop between documents (analysis is synchronous work, and a signal
   * must get through), ending early when the watch stops.
   */
  private async *yielding(items: AsyncIterable<InputItem> | Iterable<InputItem>, c: { interrupted: boolean }): AsyncGenerator<InputItem> {
    for await (const it of items) {
      if (this.stopping) {
        c.interrupted = true;
        return;
      }
      yield it;
      await new Promise((r) => setImmediate(r));
    }
  }

  /** One poll over every target. Returns what it stored. */
  async pass(): Promise<Counts> {
    const counts: Counts = { new: 0, existing: 0, failed: 0, queued: 0 };
    this.enqueue = this.o.queue ? await this.o.queue() : null;
    const first = this.passes === 0;
    this.passes++;
    const seen = new Set<string>();
    for (const target of this.o.targets) {
      if (this.stopping) break;
      if (isFeedUrl(target)) await this.pollFeed(target, first, counts);
      else await this.pollPath(target, first, counts, seen);
    }
    // Files that disappeared are forgotten: one put back later is read again.
    if (!this.stopping) for (const f of this.files.keys()) if (!seen.has(f)) this.files.delete(f);
    for (const k of ['new', 'existing', 'failed', 'queued'] as const) this.totals[k] += counts[k];
    return counts;
  }

  private problem(key: string, where: string, message: string): void {
    if (this.lastProblem.get(key) === message) return;
    this.lastProblem.set(key, message);
    this.o.reporter.problem(where, message);
  }

  private async pollPath(target: string, first: boolean, counts: Counts, seen: Set<string>): Promise<void> {
    const { files, errors } = await scan(target, this.o.exclude);
    for (const e of errors) {
      counts.failed++;
      this.problem(`path:${e.where}`, e.where, e.message);
    }
    if (errors.length === 0) this.lastProblem.delete(`path:${target}`);
    const atStart: FileEntry[] = [];
    for (const f of files) {
      if (this.stopping) return;
      seen.add(f.file);
      const prev = this.files.get(f.file);
      const same = prev !== undefined && prev.size === f.size && prev.mtimeMs === f.mtimeMs;
      if (same && prev.done) continue;
      this.files.set(f.file, { size: f.size, mtimeMs: f.mtimeMs, done: false });
      // Read only what rests: the same size and time at two looks in a row (a file caught while being
      // written would be stored cut short, and again once complete).
      if (same) await this.readFile(f, counts);
      else if (prev === undefined && first) atStart.push(f);
    }
    if (atStart.length === 0 || this.stopping) return;
    // Files there when the watch starts get their second look within this pass, a moment later.
    await new Promise((r) => setTimeout(r, this.o.settleMs ?? 1000));
    for (const f of atStart) {
      if (this.stopping) return;
      const now = await fs.stat(f.file).catch(() => null);
      if (now && now.size === f.size && now.mtimeMs === f.mtimeMs) await this.readFile(f, counts);
      else if (now) this.files.set(f.file, { size: now.size, mtimeMs: now.mtimeMs, done: false });
    }
  }

  private async readFile(f: FileEntry, counts: Counts): Promise<void> {
    let items: AsyncIterable<InputItem> | InputItem[];
    // Read the real file, checked again: a link swapped since the listing must not lead outside.
    let real: string | null = f.file;
    if (f.root !== null) {
      try {
        real = await realInside(f.file, f.root);
      } catch (e) {
        // Gone, or a link that cannot be resolved now: never read the path unchecked.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
        counts.failed++;
        this.problem(`file:${f.file}`, f.file, (e as Error).message);
        this.files.set(f.file, { size: f.size, mtimeMs: f.mtimeMs, done: true });
        return;
      }
    }
    if (real === null) {
      counts.failed++;
      this.problem(`file:${f.file}`, f.file, OUTSIDE_MESSAGE);
      this.files.set(f.file, { size: f.size, mtimeMs: f.mtimeMs, done: true });
      return;
    }
    if (f.size > this.o.read.maxBytes) {
      // Only JSON Lines may be that large (streamed line by line); readPath refuses anything else by size.
      items = readPath(real, this.o.read);
    } else {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(real);
        const after = await fs.stat(f.file);
        if (after.size !== f.size || after.mtimeMs !== f.mtimeMs || bytes.length !== f.size) {
          // Written to while being read: read it once it rests.
          this.files.set(f.file, { size: after.size, mtimeMs: after.mtimeMs, done: false });
          return;
        }
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return; // gone between the listing and the read
        counts.failed++;
        this.problem(`file:${f.file}`, f.file, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message);
        this.files.set(f.file, { size: f.size, mtimeMs: f.mtimeMs, done: true });
        return;
      }
      items = readBytes(bytes, { name: f.file, id: f.id }, this.o.read);
    }
    const c = await this.ingest(f.file, `${f.size}:${f.mtimeMs}`, items, counts);
    // A document the store could not take (the database busy or unreachable) is tried again at the next
    // poll; unreadable input is not, until the file changes.
    this.files.set(f.file, { size: f.size, mtimeMs: f.mtimeMs, done: !c.retry });
  }

  private async pollFeed(url: string, first: boolean, counts: Counts): Promise<void> {
    const now = (this.o.now ?? Date.now)();
    const st = this.feeds.get(url) ?? { nextAt: 0 };
    this.feeds.set(url, st);
    if (!first && now < st.nextAt) return;
    st.nextAt = now + (this.o.feedIntervalMs ?? 0);
    let bytes: Buffer;
    try {
      const r = await fetchFeed(url, st, { timeoutMs: this.o.fetchTimeoutMs ?? 30_000, maxBytes: this.o.read.maxBytes, signal: this.abort.signal, allowPrivate: this.o.allowPrivate === true });
      if (r.kind === 'unchanged') {
        this.lastProblem.delete(`url:${url}`);
        return;
      }
      st.etag = r.state.etag;
      st.lastModified = r.state.lastModified;
      bytes = r.bytes;
    } catch (e) {
      if (this.stopping) return;
      counts.failed++;
      this.problem(`url:${url}`, url, e instanceof FetchError ? e.message : (e as Error).message);
      return;
    }
    this.lastProblem.delete(`url:${url}`);
    if (st.body && st.body.equals(bytes)) return;
    const c = await this.ingest(url, '', readBytes(bytes, { name: url, id: url }, this.o.read), counts);
    // Keep the body only when all of it was taken: otherwise the same bytes are read again next time.
    st.body = c.retry ? undefined : bytes;
  }

  /** Store the items of one file or feed; report its problems and, when something was new, its counts. */
  private async ingest(where: string, version: string, items: AsyncIterable<InputItem> | Iterable<InputItem>, total: Counts): Promise<Counts & { retry: boolean; interrupted: boolean }> {
    const c = { new: 0, existing: 0, failed: 0, queued: 0, retry: false, interrupted: false };
    const problems: { where: string; message: string }[] = [];
    try {
      await ingest(this.o.store, this.yielding(items, c), {
        ...(this.o.analyzer ? { analyzer: this.o.analyzer } : {}),
        ...(this.o.pipeline ? { pipeline: this.o.pipeline } : {}),
        enqueue: this.enqueue,
        onInput: (it) => {
          if (it.doc) for (const w of it.info.warnings) problems.push({ where: it.doc.meta.origin, message: w });
        },
        onItem: (o) => {
          c[o.kind]++;
          if (o.kind === 'failed') {
            problems.push({ where: o.origin, message: o.message });
            if (o.stage === 'store') c.retry = true;
          }
        },
      });
    } catch (e) {
      // The store itself failed (not one document): count it, try again next poll.
      c.failed++;
      c.retry = true;
      problems.push({ where, message: `not stored: ${(e as Error).message}` });
    }
    // The problems of one input are reported together, and once: a file retried because the store was
    // busy does not repeat them; a file that changed (another `version`: size and time) does.
    const key = `items:${where}`;
    const text = [version, ...problems.map((p) => `${p.where}\u0000${p.message}`)].join('\n');
    if (problems.length && this.lastProblem.get(key) !== text) for (const p of problems) this.o.reporter.problem(p.where, p.message);
    if (problems.length) this.lastProblem.set(key, text);
    else this.lastProblem.delete(key);
    // Stopped half-way: the rest is read next time (what was stored is then found, not analysed again).
    if (c.interrupted) c.retry = true;
    if (c.new > 0 || c.queued > 0) this.o.reporter.stored(where, c);
    total.new += c.new;
    total.existing += c.existing;
    total.failed += c.failed;
    total.queued += c.queued;
    return c;
  }
}

/** The SQLite files of a store location, to keep them out of a watched folder's inputs. */
export function storeFiles(location: string): Set<string> {
  if (/^postgres(?:ql)?:\/\//i.test(location) || location === ':memory:') return new Set();
  const abs = path.resolve(location);
  return new Set([abs, `${abs}-wal`, `${abs}-shm`, `${abs}-journal`]);
}
