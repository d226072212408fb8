import { headGroup } from '../extract/figures/counted-thing.js';
import { aliasGroup } from './actors.js';

/**
 * The side a counted group belongs to when the report names it ("ISIS fighters", "Kurdish fighters"),
 * compared loosely (aliases of one armed group are one side); null when the counted phrase names none.
 * Two claims about one quantity must be on the same side, or one of them unnamed.
 */
export function sideOf(what: string): string | null {
  const g = aliasGroup(what);
  if (g >= 0) return `group-${g}`;
  if (!headGroup(what)) return null;
  // A capitalised modifier before the head ("Kurdish fighters", "Syrian refugees") names the side.
  const m = /^\s*((?:\p{Lu}[\p{L}'-]*\s+)+)/u.exec(what);
  return m ? m[1]!.trim().toLowerCase().replace(/(?:ish|ian|i|s)$/u, '').slice(0, 5) : null;
}
