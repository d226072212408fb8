/** Rows of the picture's tables as the engine (./engine.ts) sees them (read and written by ./sql.ts). */
import type { ClaimItem, PlaceKeyInfo, ReportItem } from '../../merge/items.js';

export interface PlaceRow extends PlaceKeyInfo {
  entity: string;
}

export interface ReportRow {
  item: ReportItem;
  seed: string | null;
  reason: string | null;
}

export interface ClaimRow {
  item: ClaimItem;
  seed: string | null;
}

/** A removed event's place and whether it was a territory change (its place's control history must be redone). */
export interface RemovedEvent {
  placeKey: string | null;
  territory: boolean;
}

/** Another worker holds a lock this transaction needs: roll back and retry with all of these taken first. */
export class NeedLocks extends Error {
  constructor(readonly cells: readonly number[]) {
    super(`picture: ${cells.length} grid cells are being updated by another worker`);
  }
}
