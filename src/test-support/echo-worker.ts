/** A worker for src/workers/pool.test.ts: echoes, throws, spins or dies as the task says. */
import { getPriority } from 'node:os';
import { serveTasks } from '../workers/serve.js';

type Task = { op: 'echo'; value: unknown } | { op: 'throw'; message: string } | { op: 'spin'; ms: number } | { op: 'exit' } | { op: 'thread' } | { op: 'priority' };

serveTasks<{ prefix: string } | null, Task, unknown>((options) => (task) => {
  switch (task.op) {
    case 'echo':
      return { prefix: options?.prefix ?? null, value: task.value };
    case 'throw':
      throw new Error(task.message);
    case 'spin': {
      const until = Date.now() + task.ms;
      while (Date.now() < until) {
        // synchronous work that only terminating the thread can stop
      }
      return 'spun';
    }
    case 'exit':
      process.exit(3);
      break;
    case 'priority':
      return getPriority();
    case 'thread':
      return (globalThis as { process: NodeJS.Process }).process.pid;
  }
  return null;
});
