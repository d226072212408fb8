import type { PictureReader } from '../merge/reader.js';
import type { Ctx } from './context.js';
import { HttpError } from './http.js';

/** The picture kept in the store; a 503 when it must be rebuilt first (`sitrep rebuild`). */
export async function pictureOf(ctx: Ctx): Promise<PictureReader> {
  if ((await ctx.store.pictureState()) !== 'ok') {
    throw new HttpError(503, 'picture_stale', 'the situation picture in this store is not built yet: run `sitrep rebuild`');
  }
  return ctx.store.picture();
}
