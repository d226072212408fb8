/**
 * Writers keep the desk's event rows (src/desk/event-table.ts) current: after a command or request that
 * changed documents, the picture or reviews, the rows of what changed are derived again. A reader with the
 * database open read-only (`serve --read-only`) cannot do that itself, so it serves the rows as the last
 * writer left them. Shared by the CLI's writing commands and the server's write routes.
 */
import type { Store } from '../store/types.js';
import { eventTable } from './event-table.js';
import { deskData } from './open.js';

export async function keepDeskCurrent(store: Store): Promise<void> {
  if (store.readOnly) return;
  // No picture yet (or one from an older analysis): the desk has nothing to derive until `sitrep rebuild`.
  if ((await store.pictureState()) !== 'ok') return;
  await eventTable(store, deskData(store)).sync();
}
