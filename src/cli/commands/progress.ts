/**
 * A one-line progress bar on stderr for batches, drawn only when stderr is a terminal (never into logs or
 * pipes). Messages written through `line()` appear above the bar without being overwritten by it.
 */
import { promises as fs, createReadStream } from 'node:fs';
import path from 'node:path';

export interface ProgressCounts {
  new: number;
  existing: number;
  failed: number;
}

export class Progress {
  private last = 0;
  private drawn = false;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number | null,
    private readonly label: string,
  ) {}

  static enabled(stream: NodeJS.WriteStream): boolean {
    return stream.isTTY === true;
  }

  update(c: ProgressCounts, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const done = c.new + c.existing + c.failed;
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = `${(done / secs).toFixed(done / secs < 10 ? 1 : 0)} doc/s`;
    const counts = `${c.new} new, ${c.existing} stored, ${c.failed} failed`;
    let bar: string;
    if (this.total !== null && this.total > 0) {
      const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 70));
      const frac = Math.min(1, done / this.total);
      const full = Math.round(frac * width);
      bar = `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${done}/${this.total} ${Math.floor(frac * 100)}%`;
    } else bar = `${done}`;
    const text = `${this.label} ${bar}  ${rate}  (${counts})`;
    this.stream.write(`\r\x1b[2K${text.slice(0, (this.stream.columns ?? 120) - 1)}`);
    this.drawn = true;
  }

  /** Write a whole line (an error report) above the bar. */
  line(write: () => void): void {
    this.clear();
    write();
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  let lastNonEmpty = false;
  for await (const chunk of createReadStream(file)) {
    const buf = chunk as Buffer;
    for (let i = 0; i < buf.length; i++) {
      if (buf[i] === 10) {
        if (lastNonEmpty) n++;
        lastNonEmpty = false;
      } else if (buf[i] !== 13 && buf[i] !== 32) lastNonEmpty = true;
    }
  }
  return n + (lastNonEmpty ? 1 : 0);
}

/**
 * How many documents the inputs hold, for the bar's total: non-empty lines of JSON Lines files, one per
 * other file, folders walked. Null when it cannot be known beforehand (standard input).
 */
export async function countInputs(jsonl: string | undefined, paths: string[]): Promise<number | null> {
  if (jsonl === '-' || paths.includes('-') || (!jsonl && paths.length === 0)) return null;
  let n = 0;
  const visit = async (p: string): Promise<void> => {
    const st = await fs.stat(p).catch(() => null);
    if (!st) n++;
    else if (st.isDirectory()) for (const e of await fs.readdir(p)) await visit(path.join(p, e));
    else if (/\.jsonl$/i.test(p)) n += await countLines(p);
    else n++;
  };
  if (jsonl) n += await countLines(jsonl).catch(() => 1);
  for (const p of paths) await visit(p);
  return n;
}
