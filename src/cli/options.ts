import { UsageError } from './command.js';
import { defaultWorkers } from '../workers/pool.js';

export function intOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

/** `--workers N`: analysis threads (default: the number of cores; 1 analyses in the main thread). */
export function workersOption(values: Record<string, unknown>): number {
  return intOption(values, 'workers', defaultWorkers());
}

export const WORKERS_USAGE = `  --workers N      analyse in N worker threads (default: the number of cores); 1 analyses in
                   the main thread. Output and stored results are the same for any N.`;
