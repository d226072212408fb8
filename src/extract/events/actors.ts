import type { SentenceView } from '../quantities/view.js';
import { actorLexicon, type ActorEntry, type CountryEntry, type TrieNode } from './lexicon.js';

/** What kind of actor a mention names; decides the event type (armed against armed is a battle ...). */
export type ActorClass = 'state' | 'rebel' | 'militia' | 'identity' | 'rioters' | 'protesters' | 'civilians' | 'external' | 'unidentified';

export interface ActorMention {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  entry: ActorEntry;
  /** The country named with the actor ("Afghan forces"), or the entry's own. */
  country: CountryEntry | null;
  cls: ActorClass;
  /** A generic noun ("soldiers", "militants") rather than a name ("Taliban", "Peshmerga"). */
  generic: boolean;
  /**
   * People named by a livelihood or a community ("herders", "Fulani", "Kusasi youths"): civilians when
   * harmed, the militia named here when they fight (ACLED's identity militias, inter 4). `strong` when the
   * noun itself names a community or livelihood ("herders", "Fulani"), weak when only a proper name before a
   * crowd noun does ("Ganro youths": a village's youths are a mob when they lynch, a militia when they fight
   * another community).
   */
  community?: { name: string; strong: boolean };
}

export interface CountryMention {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  country: CountryEntry;
}

const ALNUM = /[\p{L}\p{N}]/u;
/** The lexicon file of livelihoods and communities (data/actors/communities.txt). */
const COMMUNITIES = 'communities.txt';

function isAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return ALNUM.test(ch);
}

interface Folded {
  text: string;
  /** Original document offset of each folded character (scratch: valid until the next foldSentence). */
  at: Int32Array;
}

// Scratch for foldSentence: a string and a number per character in growing arrays were most of what
// findActors allocated (it runs on every sentence); the folded text is made from the codes in one go.
let foldCodes = new Uint16Array(256);
let foldBytes = Buffer.allocUnsafeSlow(256);
let foldAt = new Int32Array(256);

/** The sentence folded for matching (see foldForMatch), with a map back to document offsets. */
function foldSentence(input: string, start: number, end: number): Folded {
  if (foldCodes.length < end - start) {
    foldCodes = new Uint16Array(2 * (end - start));
    foldBytes = Buffer.allocUnsafeSlow(2 * (end - start));
    foldAt = new Int32Array(2 * (end - start));
  }
  const codes = foldCodes;
  const at = foldAt;
  let n = 0;
  let wide = 0;
  let lastSpace = false;
  for (let k = start; k < end; k++) {
    let code = input.charCodeAt(k);
    // spaces and dashes fold to one space
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 45 || code === 0xa0 || (code >= 0x2010 && code <= 0x2015) || code === 0x2028 || code === 0x2029) {
      if (lastSpace) continue;
      code = 32;
      lastSpace = true;
    } else {
      lastSpace = false;
      if (code >= 65 && code <= 90) code += 32;
      else if (code < 128) {
        // as it is
      } else if (code === 0x2018 || code === 0x2019 || code === 0x2bc || code === 0x60 || code === 0xb4) code = 39;
      else {
        // One code unit lower-cased, kept as it is when its lower case is longer ("İ").
        const l = input[k]!.toLowerCase();
        if (l.length === 1) code = l.charCodeAt(0);
      }
    }
    codes[n] = code;
    wide |= code;
    at[n++] = k;
  }
  // Nearly always Latin-1 (one byte a character): decoded straight from bytes, nothing else allocated.
  if (wide < 256) {
    const bytes = foldBytes;
    for (let i = 0; i < n; i++) bytes[i] = codes[i]!;
    return { text: bytes.toString('latin1', 0, n), at };
  }
  let text = '';
  for (let i = 0; i < n; i += 4096) text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return { text, at };
}

export function classOf(e: ActorEntry): ActorClass {
  if (e.file === COMMUNITIES) return 'civilians';
  switch (e.inter) {
    case 1: return 'state';
    case 2: return 'rebel';
    case 3: return e.file === 'unidentified.txt' ? 'unidentified' : 'militia';
    case 4: return 'identity';
    case 5: return 'rioters';
    case 6: return 'protesters';
    case 7: return 'civilians';
    default: return 'external';
  }
}

/** How strongly a mention names its actor, when two are written together ("Taliban militants"). */
function strength(m: ActorMention): number {
  if (!m.generic) return 6;
  switch (m.cls) {
    case 'state': return 5;
    case 'external': return 5;
    case 'militia': case 'identity': return 4;
    case 'protesters': case 'rioters': return 3;
    case 'unidentified': return 2;
    default: return m.community?.strong ? 1.5 : 1;
  }
}

function tokenRange(view: SentenceView, start: number, end: number): [number, number] {
  let a = -1;
  let b = -1;
  for (let i = 0; i < view.toks.length; i++) {
    const t = view.toks[i]!;
    if (a < 0 && t.end > start) a = i;
    if (t.start < end) b = i + 1;
  }
  return [Math.max(a, 0), Math.max(b, a + 1)];
}

/** Whether input[start, end) has no lower-case ASCII letter (its letters A–Z, as the upper-case of them reads). */
function inCapitals(input: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = input.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

const endAt: number[] = [];
const endNode: TrieNode[] = [];

/** What findActors found in one sentence (shared by every caller: read it, never change it). */
export interface SentenceActors {
  readonly actors: readonly ActorMention[];
  readonly countries: readonly CountryMention[];
}

// Places reads a sentence's actors three times and events once more; the trie walk over the folded sentence
// was 4% of an analysis. Kept per view (views are cached per document: ../quantities/view.ts), so the memo
// dies with the document; the text is checked too, as a view says nothing of the string it was cut from.
const found = new WeakMap<SentenceView, { input: string; result: SentenceActors }>();

/** Actor and country mentions of a sentence, longest match first, with adjacent words combined. */
export function findActors(input: string, view: SentenceView): SentenceActors {
  const hit = found.get(view);
  if (hit && hit.input === input) return hit.result;
  const result = readActors(input, view);
  found.set(view, { input, result });
  return result;
}

function readActors(input: string, view: SentenceView): SentenceActors {
  const lex = actorLexicon();
  const f = foldSentence(input, view.start, view.end);
  const raw: { start: number; end: number; actor: ActorEntry | null; country: CountryEntry | null }[] = [];
  let p = 0;
  while (p < f.text.length) {
    if (!isAlnum(f.text[p]) || (p > 0 && isAlnum(f.text[p - 1]))) {
      p++;
      continue;
    }
    let node: TrieNode | undefined = lex.trie;
    // The ends of the names starting here, in scratch arrays (this runs at every word of every sentence).
    let nEnds = 0;
    for (let q = p; q < f.text.length && node; q++) {
      node = node.next.get(f.text[q]!);
      if (node && (node.actors.length || node.countries.length) && !isAlnum(f.text[q + 1])) {
        endAt[nEnds] = q + 1;
        endNode[nEnds++] = node;
      }
    }
    let taken = false;
    for (let k = nEnds - 1; k >= 0 && !taken; k--) {
      const q = endAt[k]!;
      const n = endNode[k]!;
      const start = f.at[p]!;
      const end = f.at[q - 1]! + 1;
      // A name or country written in capitals only ("US", "CAR") must be written in capitals: "us", "car" are
      // words. Loops, not find() with closures: this runs at every name's end in every sentence.
      const capitals = inCapitals(input, start, end);
      let actor: ActorEntry | null = null;
      for (const e of n.actors) {
        if (!e.caseSensitive || capitals) {
          actor = e;
          break;
        }
      }
      let alias: (typeof n.countries)[number] | null = null;
      for (const c of n.countries) {
        if (!c.caseSensitive || capitals) {
          alias = c;
          break;
        }
      }
      if (!actor && !alias) continue;
      raw.push({ start, end, actor, country: actor ? null : alias!.entry });
      p = q;
      taken = true;
    }
    if (!taken) p++;
  }
  const countries: CountryMention[] = [];
  let actors: ActorMention[] = [];
  for (const r of raw) {
    const [a, b] = tokenRange(view, r.start, r.end);
    if (r.actor) {
      const e = r.actor;
      const fixed = /^[A-Z]{2}$/.test(e.country) ? lex.countries.get(e.country) ?? null : null;
      const m: ActorMention = { start: r.start, end: r.end, tokStart: a, tokEnd: b, entry: e, country: fixed, cls: classOf(e), generic: e.country === '*' };
      if (e.file === COMMUNITIES) m.community = { name: e.actor, strong: true };
      // "Yakurr Local Government Area", "the local government chairman": an administrative unit or a council,
      // not the state's forces.
      if (/^government$/i.test(input.slice(r.start, r.end)) && view.toks[a - 1]?.low === 'local') continue;
      actors.push(m);
    } else if (r.country) {
      countries.push({ start: r.start, end: r.end, tokStart: a, tokEnd: b, country: r.country });
    }
  }
  // A country adjective within a few modifier words before a generic actor gives its country
  // ("Afghan forces", "Afghan military special forces", "Iraq's security forces").
  for (const m of actors) {
    if (!m.generic) continue;
    for (const c of countries) {
      if (c.tokEnd > m.tokStart || m.tokStart - c.tokEnd > 3) continue;
      let ok = true;
      for (let k = c.tokEnd; k < m.tokStart && ok; k++) {
        const t = view.toks[k]!;
        ok = ['ADJ', 'NOUN', 'PROPN', 'PART'].includes(t.pos) || t.type === 'ordinal' || t.low === '-';
      }
      if (ok) {
        m.country = c.country;
        m.start = c.start;
        m.tokStart = c.tokStart;
      }
    }
    // "forces of Iraq"
    const of = view.toks[m.tokEnd];
    if (!m.country && of?.low === 'of') {
      const c = countries.find((x) => x.tokStart === m.tokEnd + 1 || (x.tokStart === m.tokEnd + 2 && view.toks[m.tokEnd + 1]!.low === 'the'));
      if (c) {
        m.country = c.country;
        m.end = c.end;
        m.tokEnd = c.tokEnd;
      }
    }
  }
  // "Tajik and Kyrgyz border guards", "Armenian and Azerbaijani forces": two countries' forces, each its own
  // actor. The first country adjective becomes a mention of the same kind of force.
  const pairs: ActorMention[] = [];
  for (const m of actors) {
    if (!m.generic || !m.country) continue;
    const c = countries.find((x) => x.tokStart === m.tokStart);
    if (!c || view.toks[c.tokStart - 1]?.low !== 'and') continue;
    const first = countries.find((x) => x.tokEnd === c.tokStart - 1);
    if (!first || first.country.code === c.country.code) continue;
    pairs.push({ ...m, start: first.start, end: first.end, tokStart: first.tokStart, tokEnd: first.tokEnd, country: first.country });
  }
  actors.push(...pairs);
  // "Russia's defence ministry said its forces had captured ...", "the Israeli army said its troops ...":
  // a possessive pronoun gives a generic force the country of the one speaking before it in the sentence.
  for (const m of actors) {
    if (!m.generic || m.country || m.cls !== 'state') continue;
    if (!/^(its|their)$/.test(view.toks[m.tokStart - 1]?.low ?? '')) continue;
    let owner: CountryEntry | null = null;
    let at = -1;
    for (const c of countries) if (c.tokEnd <= m.tokStart - 1 && c.tokStart > at) [owner, at] = [c.country, c.tokStart];
    for (const a of actors) if (a !== m && a.country && a.tokEnd <= m.tokStart - 1 && a.tokStart > at) [owner, at] = [a.country, a.tokStart];
    if (owner) m.country = owner;
  }
  // Adjacent mentions name one actor: the stronger word wins ("Taliban militants", "Christian paramilitary group").
  actors.sort((x, y) => x.start - y.start);
  const merged: ActorMention[] = [];
  for (const m of actors) {
    const last = merged[merged.length - 1];
    if (last && adjacent(input, last.end, m.start)) {
      const keep = strength(m) > strength(last) ? m : last;
      const other = keep === m ? last : m;
      merged[merged.length - 1] = {
        ...keep,
        start: Math.min(last.start, m.start),
        end: Math.max(last.end, m.end),
        tokStart: Math.min(last.tokStart, m.tokStart),
        tokEnd: Math.max(last.tokEnd, m.tokEnd),
        country: keep.country ?? (keep.generic ? other.country : null),
      };
      const community = keep.community ?? (keep.cls === 'civilians' ? other.community : undefined);
      if (community) merged[merged.length - 1]!.community = community;
      else delete merged[merged.length - 1]!.community;
      continue;
    }
    merged.push(m);
  }
  // "government buildings", "police custody", "the police station": a force named as a modifier of a
  // place or thing is no participant (sites stand for their occupants elsewhere, in facilities.ts).
  actors = merged.filter((m) => !(m.generic && m.cls === 'state' && MODIFIED_HEAD.test(view.toks[m.tokEnd]?.low ?? '')));
  actors = namedCommunities(input, view, actors, countries);
  return { actors, countries };
}

/** Crowd and community nouns a proper name before them makes a named community ("Kusasi youths"). */
const COMMUNITY_HEAD = /^(youths?|villagers?|residents?|people|peoples|communit(?:y|ies)|clans?|tribes?|tribesm[ae]n|farmers?|herders?|herdsm[ae]n|pastoralists?|hunters?|militias?|militiam[ae]n|groups?)$/;

/**
 * "Kusasi and Mamprusi youths", "the Borana militia", "between the Share and Tsaragi communities": a proper
 * name (not a country, an actor or a month) right before a crowd, community or militia noun names a
 * community. Its militia is an identity militia (ACLED inter 4) named after it; a name in capitals only
 * ("PDP militia", "ZANU-PF youths") is a party's, which stays what the noun says. "X and Y <noun>" gives
 * X a mention of its own of the same kind.
 */
function namedCommunities(input: string, view: SentenceView, actors: ActorMention[], countries: CountryMention[]): ActorMention[] {
  const toks = view.toks;
  const taken = (i: number) => actors.some((m) => m.tokStart <= i && i < m.tokEnd) || countries.some((c) => c.tokStart <= i && i < c.tokEnd);
  const properName = (i: number) => {
    const t = toks[i];
    if (!t || taken(i) || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(t.text)) return false;
    if (MONTHS_DAYS.test(t.low) || i === 0 && t.pos !== 'PROPN') return false;
    return t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NOUN';
  };
  const out: ActorMention[] = [];
  for (const m of actors) {
    out.push(m);
    if (!m.generic || !(m.cls === 'civilians' || m.cls === 'militia' || m.cls === 'identity')) continue;
    if (!COMMUNITY_HEAD.test(toks[m.tokEnd - 1]?.low ?? '')) continue;
    const k = m.tokStart - 1;
    if (!properName(k)) continue;
    const names = [k];
    // "Kipsigi and Maasai militias"
    if (toks[k - 1]?.low === 'and' && properName(k - 2)) names.unshift(k - 2);
    for (const i of names) {
      const name = `${toks[i]!.text} Communal Militia ({country})`;
      const mention = i === k ? m : { ...m, start: toks[i]!.start, end: toks[i]!.end, tokStart: i, tokEnd: i + 1 };
      if (i === k) {
        mention.start = toks[i]!.start;
        mention.tokStart = i;
      } else out.splice(out.length - 1, 0, mention);
      if (m.cls === 'civilians') mention.community = { name, strong: !!m.community?.strong };
      else {
        mention.cls = 'identity';
        mention.entry = { ...m.entry, actor: name, inter: 4 };
      }
    }
  }
  void input;
  return out;
}

const MONTHS_DAYS = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

const MODIFIED_HEAD = /^(buildings?|offices?|stations?|custody|property|properties|facility|facilities|installations?|premises|residences?|hospital|schools?|spokes(?:man|woman|person)|sources?|statements?|budget|jobs?|policy|policies|salaries|pensions?|land|funds?|contracts?)$/;

/** Only spaces, hyphens or quotes between two mentions. */
function adjacent(input: string, end: number, start: number): boolean {
  if (start < end) return true;
  return /^[\s'‘’"“”-]*$/.test(input.slice(end, start)) && start - end <= 3;
}
