/** A worker for src/server/offload.test.ts: loads, then never finishes a task (synchronous work without end). */
import { serveTasks } from '../workers/serve.js';

serveTasks<unknown, unknown, unknown>(() => () => {
  for (;;) {
    // only terminating the thread stops this
  }
});
