import type { Tok } from '../quantities/view.js';

/**
 * Places that stand for their occupants when attacked: "attacked a check point" is an attack on state
 * forces, "hit a police vehicle" on the police. Only military and police sites imply an actor; a mosque or
 * a market hit by an air strike does not say who was there.
 */
export type FacilityOwner = 'military' | 'police';

const MILITARY_SITES = new Set([
  'checkpoint', 'checkpoints', 'check-point', 'check-points', 'outpost', 'outposts', 'base', 'bases', 'convoy',
  'convoys', 'patrol', 'patrols', 'tank', 'tanks', 'apc', 'apcs', 'humvee', 'humvees', 'barracks', 'garrison',
  'garrisons', 'post', 'posts', 'positions', 'position', 'camp', 'camps', 'headquarters', 'hq', 'compound',
  'reinforcements', 'gendarmerie', 'gendarmeries', 'brigade', 'station', 'stations', 'pickup', 'pickups', 'truck', 'trucks', 'vehicle', 'vehicles', 'unit', 'units', 'airbase',
]);
const NEEDS_MODIFIER = new Set(['station', 'stations', 'brigade', 'vehicle', 'vehicles', 'truck', 'trucks', 'pickup', 'pickups', 'camp', 'camps', 'compound', 'unit', 'units', 'headquarters', 'hq', 'position', 'positions']);
const MODIFIERS = new Set(['military', 'army', 'police', 'security', 'government', 'supply', 'ranger', 'armored', 'armoured', 'forces', "forces'", 'ansf', 'andsf', 'check', 'checks', 'afghan', 'iraqi', 'their', 'nds', 'commando', 'gendarmerie', 'ranger', 'minusma', 'peacekeeping', 'peacekeepers', 'barkhane', 'fama']);

export interface Facility {
  tokStart: number;
  tokEnd: number;
  owner: FacilityOwner;
}

/** A military or police site named at token i ("a check point", "an Afghan military tank", "police HQ"). */
export function facilityAt(toks: Tok[], i: number, min = 0): Facility | null {
  let j = i;
  // "check point", "check post"
  if (toks[j]?.low === 'check' && (toks[j + 1]?.low === 'point' || toks[j + 1]?.low === 'points' || toks[j + 1]?.low === 'post' || toks[j + 1]?.low === 'posts')) {
    return { tokStart: i, tokEnd: j + 2, owner: police(toks, i) ? 'police' : 'military' };
  }
  const w = toks[j]?.low;
  if (!w || !MILITARY_SITES.has(w)) return null;
  if (NEEDS_MODIFIER.has(w)) {
    const prev = j - 1 >= min ? toks[j - 1]?.low ?? '' : '';
    const prev2 = j - 2 >= min ? toks[j - 2]?.low ?? '' : '';
    if (!MODIFIERS.has(prev) && !MODIFIERS.has(prev2)) return null;
  }
  j++;
  return { tokStart: i, tokEnd: j, owner: police(toks, i) ? 'police' : 'military' };
}

function police(toks: Tok[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (/^(police|policemen|nds|gendarmerie)$/.test(toks[k]!.low)) return true;
  if (/^gendarmeries?$/.test(toks[i]!.low)) return true;
  return false;
}
