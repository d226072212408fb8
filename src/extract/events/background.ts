import type { EventMention } from './types.js';
import type { Tok } from '../quantities/view.js';
import type { Trigger } from './triggers.js';

/**
 * What a report tells as background is no event of that report (issue: what is not an event). The reporting window: an act dated, in the
 * report's own words, more than a year before publication ("the 1994 genocide", "the civil war began in 2014
 * when rebels seized the capital", "a similar bombing in 2016") is history the report recalls, not news it
 * brings. A desk that shows it among the latest developments, or adds its toll to today's, misleads.
 */
export const REPORTING_WINDOW_DAYS = 365;

function shiftDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The event is dated (not by the publication day) wholly before the reporting window. */
export function outsideWindow(ev: EventMention, published: string | null): boolean {
  const d = ev.date;
  if (!published || !d || d.from === 'publication') return false;
  return d.end < shiftDays(published, -REPORTING_WINDOW_DAYS);
}

/** Nouns that name a war or a conflict as a whole, not one act in it. */
const CONFLICT = /^(conflict|conflicts|war|wars|insurgency|insurgencies|fighting|violence|confrontations|hostilities|crisis|unrest|uprising|rebellion|campaign|offensive|bombardment|bombardments|clashes|attacks|strikes|airstrikes|raids|bombings|shelling|fighting|siege|occupation|invasion|genocide|civil war|jihad)$/;
const OUTCOME = new Set(['kill', 'wound', 'killwound']);
const EDGE = /^(,|;|:|that|which|who|when|while|as|after|before|since|because|but|and)$/;

/** The first noun of the clause that ends just before token `k`: its subject head, if the clause opens with one. */
function subjectHead(toks: Tok[], from: number, k: number): number {
  let a = k;
  while (a > from && !EDGE.test(toks[a - 1]!.low)) a--;
  // "fighting that has killed hundreds": the antecedent of a relative pronoun is the subject.
  if (a > from && /^(that|which)$/.test(toks[a - 1]!.low)) return a - 2 >= from && /^(NOUN|PROPN)$/.test(toks[a - 2]!.pos) ? a - 2 : -1;
  for (let i = a; i < k; i++) {
    const w = toks[i]!;
    if (/^(DET|ADJ|NUM|PRON)$/.test(w.pos) || w.low === "'s" || w.low === '’s') continue;
    return w.pos === 'NOUN' || w.pos === 'PROPN' || CONFLICT.test(w.low) ? i : -1;
  }
  return -1;
}

/**
 * A cumulative toll: the dead of a war or a conflict as a whole, counted up to now ("The conflict has left
 * around 20,000 people dead", "the confrontations between the two have killed 445 people", "fighting that
 * has killed hundreds"). The subject is the conflict, not an act, and the verb is in the perfect. A figure
 * like that is a tally (it stays in the quantities layer with its scope), never an event.
 */
export function cumulativeToll(toks: Tok[], t: Trigger, from: number): boolean {
  // "fighting that has killed hundreds", "the confrontations between the two sides have killed 445": the war
  // named by the trigger itself is the subject of its toll
  if (!t.verbal && CONFLICT.test(toks[t.tokStart]!.low)) {
    for (let k = t.tokEnd; k < Math.min(toks.length, t.tokEnd + 10); k++) {
      const w = toks[k]!.low;
      if (/^[.;]$/.test(w)) break;
      if (/^(has|have|had)$/.test(w)) {
        let j = k + 1;
        while (toks[j] && (toks[j]!.pos === 'ADV' || /^(so|far|now|already|reportedly|also)$/.test(toks[j]!.low))) j++;
        if (/^(killed|left|claimed|cost|taken|displaced)$/.test(toks[j]?.low ?? '')) return true;
        break;
      }
      if (toks[k]!.pos === 'VERB' && !/^(that|which)$/.test(toks[k - 1]?.low ?? '')) break;
    }
  }
  if (!OUTCOME.has(t.kind) && !(t.kind === 'kill' && toks[t.tokStart]!.low === 'dead')) return false;
  // the verb group before the trigger: "has (reportedly) killed", "have left ... dead", "has claimed"
  let k = t.tokStart;
  if (toks[k]!.low === 'dead' || toks[k]!.low === 'lives') {
    // "has left 20,000 people dead": back over the figure to its verb
    let j = k - 1;
    while (j > from && !/^(left|leaving|claimed|cost|taken|took)$/.test(toks[j]!.low) && k - j < 8) j--;
    if (j <= from || k - j >= 8) return false;
    k = j;
  }
  let perfect = false;
  let j = k - 1;
  while (j >= from && (toks[j]!.pos === 'ADV' || /^(has|have|had|'ve|been|so|far|now|already|reportedly|also)$/.test(toks[j]!.low))) {
    if (/^(has|have|had|'ve)$/.test(toks[j]!.low)) perfect = true;
    j--;
  }
  if (!perfect) return false;
  // "The war between the two, which began in April last year, has killed": skip a relative clause set off by commas
  if (toks[j]?.low === ',') {
    let r = j - 1;
    while (r > from && toks[r]!.low !== ',' && r > j - 14) r--;
    if (toks[r]?.low === ',' && /^(which|who|that)$/.test(toks[r + 1]?.low ?? '')) j = r - 1;
  }
  // "the confrontations between Hezbollah and Israel have killed": skip a "between ... and ..." or "in ..." phrase
  let end = j + 1;
  for (let i = j; i > from && i > j - 10; i--) {
    if (/^(between|in|across|along|on|over)$/.test(toks[i]!.low)) {
      end = i;
      break;
    }
  }
  const h = subjectHead(toks, from, end);
  return h >= 0 && CONFLICT.test(toks[h]!.low);
}

/** Verbs that say a war started, grew or flared, and the act that set it off follows. */
const ORIGIN_VERB = /^(began|begun|begin|started|erupted|broke|escalated|intensified|flared|spiralled|spiraled|sparked|triggered|ignited|set)$/;

/**
 * The act a war started with, told to explain the war ("the civil war began in 2014 when rebels seized the
 * capital", "the war, sparked by the October 7 attack", "tensions escalated following a barrage of rockets").
 * The origin is history the story recalls, not news it brings.
 */
export function conflictOrigin(toks: Tok[], t: Trigger, from: number): boolean {
  for (let k = t.tokStart - 1; k >= from && k >= t.tokStart - 30; k--) {
    const w = toks[k]!.low;
    // a new clause of its own: "... in 2014, and on Friday militants attacked ..."
    if (w === ';' || w === '.' || w === 'but' || (w === 'and' && toks[k - 1]?.low === ',')) return false;
    // "sparked by / triggered by / set off by <act>"
    if (/^(sparked|triggered|ignited|set)$/.test(w) && (toks[k + 1]?.low === 'by' || toks[k + 2]?.low === 'by')) return true;
    // "<war> began|erupted ... when|after|following|with <act>"
    if (/^(when|following|after|with)$/.test(w)) {
      for (let i = k - 1; i >= from && i >= k - 8; i--) {
        if (ORIGIN_VERB.test(toks[i]!.low) && toks[i]!.pos !== 'NOUN') {
          const h = subjectHead(toks, from, i);
          if (h >= 0 && (CONFLICT.test(toks[h]!.low) || /^(tensions|tension|hostilities|war)$/.test(toks[h]!.low))) return true;
        }
      }
    }
  }
  return false;
}

/** Words that make an act one of many: a campaign, a series, a habit. */
const MANY = /^(near-daily|daily|nightly|weekly|repeated|regular|frequent|constant|continuous|incessant|relentless|increasing|various|multiple|numerous|countless|sporadic|periodic|successive)$/;
const SERIES = /^(series|wave|waves|spate|string|string|litany|catalogue|catalog|campaign)$/;
/** Places told as many at once: an act "across the country", on "various cities", is many acts. */
const MANY_PLACES = /^(cities|towns|regions|provinces|states|countries|districts|governorates|parts)$/;

/**
 * Many acts told as one: "near-daily aerial bombardments", "a series of air strikes on three towns", "various
 * rebel attacks", "some of the bloodiest attacks", "a barrage of missiles on the capital and various cities". A
 * coder records each act; the summary of many is no event (its toll is a tally). The dead of a clause told "in
 * various attacks" are the summary's. (Dead "across the region" of one day's fighting are that fighting's.)
 */
export function manyActs(toks: Tok[], t: Trigger, from: number, to: number): boolean {
  const many = (i: number) => {
    for (let k = i - 1; k >= Math.max(from, i - 4); k--) {
      const w = toks[k]!.low;
      if (MANY.test(w)) return true;
      if (w === 'of' && (SERIES.test(toks[k - 1]?.low ?? '') || (toks[k - 1]?.low === 'some' && toks[k + 1]?.low === 'the'))) return true;
      if (/^[,;.]$/.test(w)) return false;
    }
    return false;
  };
  if (!t.verbal && /s$/.test(toks[t.tokEnd - 1]!.low) && many(t.tokStart)) return true;
  // the clause's act is told across many places ("on Kyiv and various cities across Ukraine")
  for (let k = Math.max(from, t.tokStart - 12); k < Math.min(to, t.tokEnd + 14); k++) {
    const w = toks[k]!.low;
    if (MANY_PLACES.test(w) && /^(various|several|multiple|many|numerous|different|other)$/.test(toks[k - 1]?.low ?? '')) return true;
  }
  // "216 people were murdered in various rebel attacks", "pounded by near-daily bombardments": the outcome of,
  // or the act done by, many acts
  if (t.verbal) {
    for (let k = t.tokEnd; k < Math.min(to, t.tokEnd + 8); k++) {
      const w = toks[k]!.low;
      if (/^[,;.]$/.test(w)) break;
      if (/^(attacks|strikes|airstrikes|raids|bombings|bombardments|clashes|incidents|assaults|ambushes|shelling)$/.test(w) && many(k)) return true;
    }
  }
  return false;
}

/** Purposes that name a war's aims ("fighting the government in a bid to impose ...", "fight for power"). */
const AIMS = /^(in a bid to|in an effort to|for power|for control|for influence|for resources|for independence|for autonomy|to impose|to establish|to overthrow|to topple|to create)\b/;

/**
 * A side's war told as what it does: "Al Shabaab is fighting the government in a bid to impose its rule",
 * "more than 120 armed groups fight for power and resources". A fight in the present tense, told with its
 * aims, is the state of a conflict, not an act on a day.
 */
export function ongoingWar(toks: Tok[], t: Trigger, from: number, to: number): boolean {
  if (t.kind === 'clash' && ragedFor(toks, t.tokEnd, to)) return true;
  if (!t.verbal || (t.kind !== 'clash' && t.kind !== 'attack')) return false;
  const w = toks[t.tokStart]!;
  const prev = toks[t.tokStart - 1]?.low ?? '';
  const progressive = /ing$/.test(w.low) && /^(is|are|am|'re|'s)$/.test(prev);
  const present = w.pos === 'VERB' && (w.low === w.lemma || w.low === `${w.lemma}s`) && !/^(to|will|would|could|can|may|might|should|must|did|do|does|not|n't)$/.test(prev);
  if (!progressive && !present) return false;
  const after = ` ${toks.slice(t.tokEnd, Math.min(to, t.tokEnd + 14)).map((x) => x.low).join(' ')}`;
  return / (in a bid to|in an effort to|for power|for control|for influence|for resources|for independence|for autonomy|to impose|to establish|to overthrow|to topple|to create)\b/.test(after) || AIMS.test(after.trim());
}

/**
 * "where fighting has raged for nearly a year", "the war has gone on for months", "clashes have continued since
 * 2019": fighting told by how long it has lasted, months or years, is the state of a conflict, not an act on a
 * day. (Fighting that has raged "since Monday" is the news and stays.)
 */
function ragedFor(toks: Tok[], k: number, to: number): boolean {
  const after = ` ${toks.slice(k, Math.min(to, k + 12)).map((x) => x.low).join(' ')} `;
  return / (?:has|have|had) (?:been )?(?:raged|raging|continued|continuing|gone on|going on|lasted|persisted|dragged on)\b.*? (?:for (?:(?:nearly|almost|about|over|more than|some|the past|the last) )*(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|\d+) (?:months|years|month|year|decades?)|since (?:(?:early|late|mid) )?(?:1[89]|20)\d\d) /.test(after);
}

/** Words of a court or a commemoration that name an act as what they are about. */
const ABOUT = /^(sentence|sentenced|sentences|conviction|convicted|convict|trial|verdict|acquitted|acquittal|indicted|indictment|prosecuted|prosecution|jailed|imprisoned|guilty|anniversary|anniversaries|commemorate|commemorates|commemorated|commemorating|commemoration|memorial|remembrance)$/;

/**
 * An act named as what a court judged or a people commemorate ("upheld his life sentence for genocide at the
 * 1995 massacre", "to mark the anniversary of the 1994 genocide in which ... were killed"): the report's news
 * is the verdict or the ceremony, and the act is history.
 */
export function judgedOrMarked(toks: Tok[], t: Trigger): boolean {
  for (let k = t.tokStart - 1; k >= 0 && k >= t.tokStart - 16; k--) {
    const w = toks[k]!.low;
    // "sentenced on Monday, a day after gunmen killed five": a new act after its own clause edge.
    if (/^(;|\.|after|before|when|while|but|as|since|because)$/.test(w)) return false;
    if (ABOUT.test(w)) return true;
  }
  return false;
}
