/**
 * The desk's events as the routes read them: the store's event table (src/desk/event-table.ts), brought up
 * to date with the picture and the reviews before each read. Pages, counts, points and facets are queries
 * inside the database; nothing here holds the picture in memory.
 *
 * With the database open read-only (`serve --read-only`) nothing is brought up to date here: the rows are
 * served as the last writer left them (writers keep them current: src/desk/keep-current.ts). Rows behind the
 * picture are served with a `Sitrep-Stale` header; rows no writer has made yet are refused with 503.
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
  const state = await t.sync();
  if (state === 'unbuilt') {
    throw new HttpError(503, 'desk_stale', "the desk's event list in this store has not been built yet, and this server has the database open read-only: run `sitrep db migrate` (or any command that writes) against it once");
  }
  if (state === 'behind' && !ctx.res.headersSent) ctx.res.setHeader('Sitrep-Stale', 'desk events behind the stored documents; a writing command (sitrep db migrate) brings them up to date');
  return t;
}
