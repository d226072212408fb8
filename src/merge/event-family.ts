import type { EventType } from '../extract/events/types.js';

/**
 * Type families for coreference. Reports of one clash are coded as a battle by one reader and as
 * shelling by another, a riot and a protest are one crowd; but killing civilians is not a battle, and
 * strategic developments are too varied to join on type alone (an arrest and a truce are both SD).
 */
export type TypeFamily = 'armed' | 'civilians' | 'crowd' | 'strategic';

export function typeFamily(t: EventType): TypeFamily {
  switch (t) {
    case 'Battles':
    case 'Explosions/Remote violence':
      return 'armed';
    case 'Violence against civilians':
      return 'civilians';
    case 'Protests':
    case 'Riots':
      return 'crowd';
    default:
      return 'strategic';
  }
}

/** Sub-event types that describe territory changing hands, in either direction. */
export const TERRITORY_SUBTYPES = new Set([
  'Government regains territory',
  'Non-state actor overtakes territory',
  'Non-violent transfer of territory',
]);

export function compatibleTypes(a: { type: EventType; subType: string }, b: { type: EventType; subType: string }): boolean {
  const fa = typeFamily(a.type);
  if (fa !== typeFamily(b.type)) return false;
  if (fa === 'strategic') return a.subType === b.subType;
  // A territory change and an ordinary clash at one place and time are told as one event by some outlets
  // ("troops retook the town after a battle"), so they stay compatible; opposite takeovers are not.
  if (TERRITORY_SUBTYPES.has(a.subType) && TERRITORY_SUBTYPES.has(b.subType)) return a.subType === b.subType;
  return true;
}
