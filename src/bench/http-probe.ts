/**
 * What the load scripts (bench:load, bench:search) measure a server with: one timed GET, and a process's
 * CPU time from /proc.
 */
import { readFileSync } from 'node:fs';
import { type Agent, request } from 'node:http';

export interface Answer {
  status: number;
  /** Wall time from the request to the last byte, ms. */
  ms: number;
  bytes: number;
  /** The body as text, when asked for (a load of large answers only counts their bytes). */
  body: string | null;
}

/** A GET to 127.0.0.1:`port` over `agent`, timed to its last byte. */
export function timedGet(agent: Agent, port: number, path: string, keepBody = false): Promise<Answer> {
  const t = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let bytes = 0;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (keepBody) parts.push(c);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - t) / 1e6, bytes, body: keepBody ? Buffer.concat(parts).toString() : null }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * CPU time so far (user + system; null where /proc has none) of a process, every thread, or with
 * `mainThread` of its main thread alone (a Node server's event loop).
 */
export function procCpuMs(pid: number | undefined, mainThread = false): number | null {
  try {
    const f = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 (utime, stime) in clock ticks; 100 a second on Linux.
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
