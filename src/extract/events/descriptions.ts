import type { Tok } from '../quantities/view.js';
import type { ActorMention } from './actors.js';
import type { Trigger } from './triggers.js';

/** What a victim was taken for or accused of: "mistaken for", "suspected of being", "accused of being". */
const TAKEN_FOR = /^(?:mistaken for|mistaking (?:him|her|them) for|taking (?:him|her|them) for|suspected of being|accused of being|suspected to be|alleged to be|believed to be|thought to be)$/;

/** Words that may stand between the phrase and the group it names ("a member of an armed group"). */
const BETWEEN = /^(a|an|the|suspected|presumed|alleged|possible|member|members|of|islamist|jihadist|armed)$/;

/**
 * An armed group named only as what a victim was taken for or accused of is no side of the act: "soldiers
 * killed a civilian mistaken for a militant", "the army killed two men suspected of being militants",
 * "killed a herder, mistaking him for a member of an armed group". The people killed are the victims
 * (ACLED: violence against civilians); the group named after the phrase neither fought nor died. Only after
 * the act's verb: "gunmen believed to be al-Shabaab attacked a post" names who attacked.
 */
export function describedAs(toks: Tok[], m: ActorMention, triggers: Trigger[]): boolean {
  let k = m.tokStart - 1;
  while (k >= 0 && m.tokStart - k <= 5 && BETWEEN.test(toks[k]!.low)) k--;
  for (let n = 2; n <= 4; n++) {
    if (k - n + 1 < 0) break;
    const at = k - n + 1;
    if (TAKEN_FOR.test(toks.slice(at, k + 1).map((t) => t.low).join(' '))) return triggers.some((t) => t.verbal && t.tokEnd <= at);
  }
  return false;
}
