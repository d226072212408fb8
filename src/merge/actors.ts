import type { Actor } from '../extract/events/types.js';

/**
 * Names one armed group goes by. The event extractor is expected to give canonical names; these cover
 * reports coded by different versions or written differently, so merging does not depend on it.
 */
const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['islamic state', 'isis', 'isil', 'is', 'daesh', 'daish', 'islamic state of iraq and the levant', 'islamic state of iraq and syria'],
  ['taliban', 'tehrik e taliban', 'afghan taliban'],
  ['al shabaab', 'al shabab', 'shabaab', 'harakat al shabaab al mujahideen'],
  ['houthis', 'houthi', 'ansar allah', 'ansarallah'],
  ['boko haram', 'jas', 'jamaatu ahlis sunna lidawati wal jihad'],
  ['hezbollah', 'hizbollah', 'hizballah'],
  ['hamas', 'izz ad din al qassam brigades', 'al qassam brigades'],
  ['peshmerga', 'kurdish peshmerga', 'kurdish regional government', 'krg'],
];

/** Words that describe what an actor is rather than who: "ISIS militants" is ISIS. */
const GENERIC = new Set([
  'the', 'of', 'forces', 'force', 'militants', 'militant', 'fighters', 'fighter', 'group', 'members', 'member',
  'troops', 'soldiers', 'army', 'military', 'security', 'units', 'unit', 'gunmen', 'insurgents', 'rebels', 'jihadists',
  'terrorists', 'terror', 'organization', 'organisation', 'movement', 'armed', 'and', 'its', 'their',
]);

const ALIAS = new Map<string, number>();
ALIAS_GROUPS.forEach((g, i) => g.forEach((n) => ALIAS.set(n, i)));

function norm(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ') // ACLED's "(Iraq)", "(2014-)" qualifiers
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function words(name: string): string[] {
  let w = wordsCache.get(name);
  if (!w) {
    w = norm(name).split(' ').filter((x) => x && !GENERIC.has(x));
    if (wordsCache.size > 50_000) wordsCache.clear();
    wordsCache.set(name, w);
  }
  return w;
}

// Names repeat across thousands of reports: remember what each resolved to.
const groupCache = new Map<string, number>();
const wordsCache = new Map<string, string[]>();

/** The alias group of a name ("ISIS militants" → the Islamic State group), or -1. */
export function aliasGroup(name: string): number {
  let g = groupCache.get(name);
  if (g === undefined) {
    g = aliasGroupOf(name);
    if (groupCache.size > 50_000) groupCache.clear();
    groupCache.set(name, g);
  }
  return g;
}

function aliasGroupOf(name: string): number {
  const n = norm(name);
  const direct = ALIAS.get(n);
  if (direct !== undefined) return direct;
  const core = words(name).join(' ');
  const hit = ALIAS.get(core);
  if (hit !== undefined) return hit;
  // "ISIS fighters in Mosul": any alias as a whole word at the start.
  for (const [alias, g] of ALIAS) {
    if (alias.length > 2 && (core === alias || core.startsWith(alias + ' '))) return g;
  }
  return -1;
}

/** Do the two names plausibly denote the same actor? */
export function sameActorName(a: string, b: string): boolean {
  const ga = aliasGroup(a);
  const gb = aliasGroup(b);
  if (ga >= 0 || gb >= 0) return ga === gb;
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return norm(a) === norm(b) || wa.length === wb.length;
  const sa = new Set(wa.map(stemDemonym));
  const sb = new Set(wb.map(stemDemonym));
  const [small, big] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  for (const w of small) if (!big.has(w)) return false;
  return true;
}

/**
 * "Iraqi" and "Iraq", "Afghan" and "Afghanistan", "Kurdish" and "Kurds" compare equal: a crude demonym
 * fold (drop a demonym or plural ending, keep four letters). It can join near-homonyms (Niger/Nigeria),
 * which is acceptable here because names are only compared once type, date and place already agree.
 */
function stemDemonym(w: string): string {
  const s = w.replace(/(istan|ese|ish|s|i)$/u, '');
  return (s.length >= 3 ? s : w).slice(0, 4);
}

const INSTITUTIONS: readonly [string, RegExp][] = [
  ['police', /\bpolice|\bpolicem[ae]n\b|\bgendarm/i],
  ['intelligence', /\bintelligence\b|\bNDS\b|\bdirectorate of security\b/i],
  ['border', /\bborder (?:guard|police|force)/i],
  ['military', /\bmilitary\b|\barmy\b|\bsoldiers?\b|\btroops?\b|\barmed forces\b/i],
];

/** Which branch of the state a state actor is (police, military, ...), when its name says. */
export function institution(name: string): string | null {
  for (const [k, re] of INSTITUTIONS) if (re.test(name)) return k;
  return null;
}

/**
 * Are two actors compatible in one event? Unknown actors are compatible with anything. State forces (1)
 * and civilians (7) are compatible by type alone, since reports name them loosely ("troops", "Iraqi army",
 * "security forces"; "villagers", "residents"), unless they name different branches (police and army
 * losses on one day are usually two attacks); armed groups must agree by name. With `branches` false the
 * branch is not compared (for reports that agree on everything else: see canJoin).
 */
export function compatibleActor(a: Actor | null, b: Actor | null, branches = true): boolean {
  if (!a || !b) return true;
  if (branches && a.inter === 1 && b.inter === 1) {
    const ia = institution(a.name);
    const ib = institution(b.name);
    if (ia && ib && ia !== ib) return false;
  }
  if (sameActorName(a.name, b.name)) return true;
  if (a.inter !== b.inter) return false;
  return a.inter === 1 || a.inter === 7 || a.inter === 5 || a.inter === 6;
}

/** The two sides of one report against another's, either way round (ACLED codes battles symmetrically). */
export function compatibleSides(a1: Actor | null, a2: Actor | null, b1: Actor | null, b2: Actor | null, branches = true): boolean {
  return (compatibleActor(a1, b1, branches) && compatibleActor(a2, b2, branches)) || (compatibleActor(a1, b2, branches) && compatibleActor(a2, b1, branches));
}
