import type { Tok } from '../quantities/view.js';
import type { Trigger } from './triggers.js';

/**
 * Frames that put a whole clause outside what happened, however far the trigger sits from the frame word:
 * what people expect, fear, warn of, prepare for or plan ("Aid agencies say they are bracing for as many
 * as one million people to flee the city once fighting reaches its streets"; "Residents fear the
 * militants could return"; "the UN warned that an assault could put lives at risk"), what would happen if
 * or once something else happens, tallies over a long period ("has killed thousands since 2014"), and
 * generalities ("Kidnappings for ransom have become common"). `filters.ts` handles the cues right next to
 * a trigger; these rules read the clause back to its frame. Each returns a reason, or null.
 */

/** Words that frame what follows as expected, feared, planned or prepared for. */
const FRAME = /^(bracing|braced|brace|braces|fear|fears|feared|fearing|warn|warns|warned|warning|expect|expects|expected|expecting|anticipate|anticipates|anticipated|predict|predicts|predicted|worry|worries|worried|threaten|threatens|threatened|threatening|plan|plans|planned|planning|prepare|prepares|prepared|preparing|vow|vows|vowed|pledge|pledges|pledged|promise|promises|promised|intend|intends|intended|hope|hopes|hoped|unless|lest)$/;
/** Modal verbs: what could or would happen. Lower case only ("May" is a month). */
const MODAL = /^(will|would|could|might|may|shall|should|must|'ll|can)$/;
/** A reporting or verifying verb opens a new frame: what it reports is told, not expected. */
const REPORT = /^(said|say|says|told|tells|reported|reports|report|added|adds|confirmed|confirm|verify|verified|claimed|claims|announced|stated|according)$/;
/** A clause boundary the frame does not cross. */
const STOP = /^(;|\.|but|while|whereas|although|though|after|when|because|before|as|since|who|which|whom|whose)$/;

/** The clause back from the trigger to its frame word, if any: expectation, fear, warning, plan, condition. */
export function framed(toks: Tok[], t: Trigger, from: number): string | null {
  for (let k = t.tokStart - 1; k >= from; k--) {
    const w = toks[k]!;
    const low = w.low;
    if (STOP.test(low) && !(low === 'as' && (/^(many|much|well|far|soon|long|such|part)$/.test(toks[k + 1]?.low ?? '') || /^(many|much|well|such|far|as)$/.test(toks[k - 1]?.low ?? '')))) return null;
    if (REPORT.test(low) && (w.pos === 'VERB' || low === 'according')) return null;
    // ", and" starting a new clause ends the frame: "Gunmen killed 5, and residents fear more attacks".
    if (low === 'and' && toks[k - 1]?.low === ',') return null;
    if (FRAME.test(low) && (w.pos === 'VERB' || w.pos === 'NOUN' || /^(unless|lest)$/.test(low))) {
      // "feared dead" is a hedge on a death, not a fear of one; "the threatened town" an adjective.
      // So is a passive "are feared killed" ("Eighteen people are feared killed in a clash").
      if (low === 'feared' && (toks[k + 1]?.low === 'dead' || (/^(killed|drowned|dead)$/.test(toks[k + 1]?.low ?? '') || /^(is|are|was|were|been|be)$/.test(toks[k - 1]?.low ?? '')) && /^(killed|dead|drowned|missing|kidnapped|abducted)$/.test(toks[k + 1]?.low ?? ''))) return null;
      return 'expectation';
    }
    if (MODAL.test(low) && /^[a-z']/.test(w.text)) {
      // "could not (independently) verify that ..." is about the report, handled by certainty.
      const next = toks.slice(k + 1, k + 4).map((x) => x.low);
      if (next.some((x) => REPORT.test(x))) return null;
      return 'modal';
    }
    if (/^(if|once)$/.test(low) && conditional(toks, k, t)) return 'hypothetical';
  }
  return null;
}

/**
 * "if"/"once" opening a clause in the present tense states a condition ("once fighting reaches its
 * streets"); "once" with the past tells a sequence ("once the army left, militants returned").
 */
function conditional(toks: Tok[], k: number, t: Trigger): boolean {
  if (toks[k]!.low === 'if') return true;
  const end = Math.min(toks.length, Math.max(t.tokEnd, k + 8));
  for (let i = k + 1; i < end; i++) {
    const w = toks[i]!;
    if (/^(is|are|has|have|does|do)$/.test(w.low)) return true;
    if (w.pos === 'VERB' && w.low !== w.lemma && /s$/.test(w.low) && !/(ss|us)$/.test(w.low)) return true;
    if (w.pos === 'VERB' && /ed$/.test(w.low)) return false;
  }
  return false;
}

const SINCE_LONG = /^(\d{4}|january|february|march|april|june|july|august|september|october|november|december|the|last|early|late|mid|its|their)$/;

/**
 * Tallies and generalities: a count over a long period in the perfect ("has killed thousands of civilians
 * since 2014", "have carried out joint operations since late 2021", "so far this year", "in recent
 * years"), and what is common or usual ("Kidnappings have become common", "attacks are frequent").
 */
export function tallyOrGenerality(toks: Tok[], t: Trigger, from: number, to: number): string | null {
  let perfect = false;
  for (let k = t.tokStart - 1; k >= Math.max(from, t.tokStart - 6); k--) {
    const w = toks[k]!.low;
    if (/^(has|have|'ve|had)$/.test(w)) perfect = true;
    if (!/^(has|have|'ve|been|also|already|repeatedly|now|long|not|conducting|conducted|carrying|carried|out|launched|launching|staged|mounted|mounting|joint|a|an|the|several|many|numerous|dozens|of)$/.test(w) && !/^(ADV|ADJ|DET)$/.test(toks[k]!.pos)) break;
  }
  // A noun trigger heading the clause: "Fighting ... has spread", "Kidnappings ... have become common".
  let nominalPerfect = false;
  if (!t.verbal || t.tokStart === from || /^(the|a|an)$/.test(toks[t.tokStart - 1]?.low ?? '')) {
    for (let k = t.tokEnd; k < Math.min(to, t.tokEnd + 10); k++) {
      const w = toks[k]!.low;
      if (/^(has|have|had)$/.test(w)) {
        nominalPerfect = true;
        break;
      }
      if (toks[k]!.pos === 'VERB' || /^[,;.]$/.test(w)) break;
    }
  }
  const clause = toks.slice(from, to).map((x) => x.low);
  const text = ` ${clause.join(' ')} `;
  // "It has stepped up its campaign in recent months after retaking Sennar": a gerund hung on a clause that
  // sums up a period is part of the summary.
  if (!perfect && /ing$/.test(toks[t.tokStart]!.low) && /^(after|by|while|since|following)$/.test(toks[t.tokStart - 1]?.low ?? '')) {
    for (let k = t.tokStart - 2; k >= from; k--) {
      if (/^[;.]$/.test(toks[k]!.low)) break;
      if (/^(has|have|'ve)$/.test(toks[k]!.low)) {
        perfect = true;
        break;
      }
    }
  }
  if (perfect || nominalPerfect) {
    for (let k = 0; k < clause.length - 1; k++) {
      if (clause[k] === 'since' && (SINCE_LONG.test(clause[k + 1]!) || /ing$/.test(clause[k + 1]!))) return 'tally';
    }
    if (/ (so far this|over the (past|last)|in (the )?recent|in the (past|last) (few |two |three |several )?(years?|months|decades?)|for years|for decades|for months) /.test(text)) return 'tally';
  }
  if (!t.passive && (commonKind(toks, t, to) || habitual(toks, t, from, to))) return 'generality';
  if (nominalPerfect && / (has|have) (spread|escalated|intensified|continued|raged|persisted|worsened|displaced) /.test(text)) return 'state-of-affairs';
  return null;
}

/**
 * The trigger is the subject of "are common", "have become routine" ("Kidnappings on the highway have become
 * common"): read in the words after it, up to the first verb's clause, not anywhere in the sentence (a killing
 * told "in a region where kidnappings are common" is still told).
 */
function commonKind(toks: Tok[], t: Trigger, to: number): boolean {
  if (t.verbal) return false;
  const after = ` ${toks.slice(t.tokEnd, Math.min(to, t.tokEnd + 8)).map((x) => x.low).join(' ')} `;
  let m = / (have|has) become (common|frequent|routine|widespread|commonplace) | are (common|frequent|routine|commonplace|rare) /.exec(after);
  // "Suicide bombings have been used by several groups", "ambushes are a tactic of the insurgents": a bare
  // plural (no determiner or number before it) said to be a means some group uses names a kind of act.
  if (!m && /s$/.test(toks[t.tokEnd - 1]!.low)) {
    let k = t.tokStart - 1;
    while (k >= 0 && (toks[k]!.pos === 'NOUN' || toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'PROPN')) k--;
    const det = toks[k];
    if (!det || !(det.pos === 'DET' || det.pos === 'NUM' || det.pos === 'PRON')) {
      m = / (have|has) been (used|employed|favou?red|a (hallmark|tactic|signature)) (by|of) | are (used|employed|favou?red|a (hallmark|tactic|signature)) (by|of) /.exec(after);
    }
  }
  if (!m) return false;
  // no other verb or clause edge between the trigger and the copula
  const words = after.slice(0, m.index).trim().split(' ').filter(Boolean);
  return !words.some((w) => /^[,;.]$/.test(w) || /^(who|which|that|where|when)$/.test(w));
}

/**
 * A habit adverb next to the trigger ("militants frequently attack convoys", "attacks regularly target the
 * road"): a way things go, not one act. Only within two words of the trigger, in its own clause.
 */
function habitual(toks: Tok[], t: Trigger, from: number, to: number): boolean {
  const HABIT = /^(frequently|routinely|regularly|often|habitually|systematically|repeatedly|constantly|continually)$/;
  for (let k = t.tokStart - 1; k >= Math.max(from, t.tokStart - 3); k--) {
    if (/^[,;.]$/.test(toks[k]!.low)) break;
    if (HABIT.test(toks[k]!.low)) return true;
  }
  for (let k = t.tokEnd; k < Math.min(to, t.tokEnd + 2); k++) {
    if (/^[,;.]$/.test(toks[k]!.low)) break;
    if (HABIT.test(toks[k]!.low)) return true;
  }
  // "had systematically murdered men ... and deliberately targeted women for rape": the habit covers the
  // verbs joined to the one it modifies, and the acts those verbs govern.
  if (t.verbal) {
    let k = t.tokStart - 1;
    while (k >= from && (toks[k]!.pos === 'ADV' || /^["“”']$/.test(toks[k]!.low))) k--;
    return toks[k]?.low === 'and' && habitVerbBefore(toks, k, from, HABIT, 2);
  }
  // A noun only as what the verb does ("targeted girls for abduction"), not when it happened ("seen before
  // the blast"): no preposition of time or place between the verb and the noun.
  for (let k = t.tokStart - 1; k >= from && toks[k]!.pos !== 'VERB'; k--) {
    if (toks[k]!.pos === 'ADP' && !/^(for|of|against|from|with|to)$/.test(toks[k]!.low)) return false;
  }
  return habitVerbBefore(toks, t.tokStart, from, HABIT, 1);
}

/**
 * Among the `n` nearest verbs before token `k` in its sentence, one carries a habit adverb, directly or as
 * the second of two joined verbs ("systematically murdered ... and targeted").
 */
function habitVerbBefore(toks: Tok[], k: number, from: number, habit: RegExp, n: number): boolean {
  let seen = 0;
  for (let j = k - 1; j >= Math.max(from, k - 25); j--) {
    if (/^[;.]$/.test(toks[j]!.low)) return false;
    if (toks[j]!.pos !== 'VERB') continue;
    let h = j - 1;
    for (; h >= Math.max(from, j - 3); h--) {
      if (habit.test(toks[h]!.low)) return true;
      if (!/^["“”']$/.test(toks[h]!.low) && toks[h]!.pos !== 'ADV') break;
    }
    // the second of two joined verbs: the first one's habit
    if (toks[h]?.low === 'and' && n === 1) return habitVerbBefore(toks, h, from, habit, 2);
    if (++seen >= n) return false;
  }
  return false;
}

/**
 * "the third such attack on the base this year": a kind of act counted, not one told; "since the offensive
 * began", "since the war started": an act named to date something else.
 */
export function suchKind(toks: Tok[], t: Trigger): boolean {
  if (t.verbal) return false;
  const before = [toks[t.tokStart - 1]?.low, toks[t.tokStart - 2]?.low, toks[t.tokStart - 3]?.low];
  return before.slice(0, 2).includes('such') || before.includes('since') && /^(the|its|their|this)$/.test(before[before.indexOf('since') - 1] ?? 'the');
}

/** "people fleeing the fighting", "escaping the violence": the act is what people flee, not one told. */
export function fled(toks: Tok[], t: Trigger): boolean {
  if (t.verbal) return false;
  for (let k = t.tokStart - 1; k >= Math.max(0, t.tokStart - 3); k--) {
    const w = toks[k]!.low;
    if (/^(flee|flees|fled|fleeing|escape|escapes|escaped|escaping)$/.test(w)) return true;
    if (!/^(the|a|an|heavy|ongoing|renewed|intense|fierce)$/.test(w) && toks[k]!.pos !== 'ADJ') return false;
  }
  return false;
}
