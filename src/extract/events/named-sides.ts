import type { Tok } from '../quantities/view.js';
import type { Trigger } from './triggers.js';
import type { ClauseRoles, ActorRef } from './roles.js';
import type { CountryMention } from './actors.js';

/**
 * Peoples a clash is fought between that the actor lexicon does not know: "a clash between the Abirans and
 * Oduvis", "clashes between Tenga and Moru in X". Two capitalised names after "between" that are no place,
 * no time ("between Saturday and Sunday"), no country and no actor the lexicon knows are communities, and a
 * fight between communities is fought by their militias (ACLED: identity militias, inter 4). Without this the clause's other people ("Four people
 * were killed in a clash between ...") were taken for the sides and the fight for a brawl of rioters.
 */
export function unnamedCommunities(toks: Tok[], to: number, triggers: Trigger[], roles: ClauseRoles, countries: CountryMention[], placeOrTime: (i: number) => boolean): void {
  if ((roles.clashSides ?? []).length > 0) return;
  const clash = triggers.find((t) => t.kind === 'clash');
  if (!clash) return;
  let i = clash.tokEnd;
  // "clashes broke out between", "fighting erupted between"
  for (let k = i; k < Math.min(to, i + 3) && toks[i]?.low !== 'between'; k++) if (toks[k]!.low === 'between') i = k;
  if (toks[i]?.low !== 'between') return;
  const country = (k: number) => countries.some((c) => c.tokStart <= k && k < c.tokEnd);
  const name = (k: number): [number, number] | null => {
    if (/^(the)$/.test(toks[k]?.low ?? '')) k++;
    const a = k;
    while (k < to && /^[A-Z][a-z]/.test(toks[k]!.text) && (toks[k]!.pos === 'PROPN' || toks[k]!.pos === 'NOUN' || toks[k]!.pos === 'ADJ')) {
      if (placeOrTime(k) || country(k)) return null;
      k++;
    }
    return k > a && k - a <= 2 ? [a, k] : null;
  };
  const first = name(i + 1);
  if (!first) return;
  const join = toks[first[1]]?.low;
  if (join !== 'and' && join !== '&') return;
  const second = name(first[1] + 1);
  if (!second) return;
  // Named actors already in the span are the lexicon's business.
  const lo = toks[first[0]]!.start;
  const hi = toks[second[1] - 1]!.end;
  if (roles.named.some((r) => r.start < hi && lo < r.end)) return;
  const side = ([a, b]: [number, number]): ActorRef => ({
    name: `${toks.slice(a, b).map((t) => t.text).join(' ')} Communal Militia ({country})`,
    inter: 4, cls: 'identity', country: null, generic: false, start: toks[a]!.start, end: toks[b - 1]!.end,
  });
  const sides = [side(first), side(second)];
  roles.clashSides = sides;
  for (const s of sides) {
    if (!roles.others.some((o) => o.start === s.start)) roles.others.push(s);
    roles.named.push(s);
  }
}
