/**
 * The desk's events as the routes read them: the store's event table (src/desk/event-table.ts), brought up
 * to date with the picture and the reviews before each read. Pages, counts, points and facets are queries
 * inside the database; nothing here holds the picture in memory.
 */
import { eventTable, type EventTable } from '../desk/event-table.js';
import type { Ctx } from './context.js';
import { HttpError } from './http.js';

export { SORTS, type Near, type Sort } from '../desk/event-table.js';

export async function eventView(ctx: Ctx): Promise<EventTable> {
  if ((await ctx.store.pictureState()) !== 'ok') {
    throw new HttpError(503, 'picture_stale', 'the situation picture in this store is not built yet: run `sitrep rebuild`');
  }
  const t = eventTable(ctx.store, ctx.desk);
  await t.sync();
  return t;
}
