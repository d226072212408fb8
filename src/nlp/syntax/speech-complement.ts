/**
 * A repair of the greedy parser's commonest error on news: a reported clause without "that".
 * "Officials said rebels attacked the town" is often parsed with "rebels" as the object of "said" and
 * "attacked" as a clause modifying "rebels" (acl) — "the rebels who attacked the town" — so the event has
 * no agent. After a verb of saying, a noun followed by a verb that has its own object and no subject is
 * the subject of a reported clause: the verb becomes the complement (ccomp) of "said" and the noun its
 * subject. A participle that takes no object ("officials said the militants killed in the raid were
 * foreign") keeps its reading.
 */

/** Verbs of saying that take a clause, not a person, as their object ("told" takes a person: not here). */
const SPEECH = new Set(['say', 'says', 'said', 'saying', 'claim', 'claims', 'claimed', 'add', 'adds', 'added', 'insist', 'insists', 'insisted', 'state', 'states', 'stated', 'allege', 'alleges', 'alleged']);

/**
 * Repairs heads and deps in place (heads 0-based, -1 the root). Tags are UPOS names. Returns how many
 * reported clauses were repaired.
 */
export function repairSpeechComplements(forms: readonly string[], upos: readonly string[], heads: number[], deps: string[]): number {
  let repaired = 0;
  for (let v = 0; v < forms.length; v++) {
    if (deps[v] !== 'acl' || upos[v] !== 'VERB') continue;
    const x = heads[v]!;
    if (x < 0 || x > v || deps[x] !== 'obj') continue;
    const s = heads[x]!;
    if (s < 0 || s > x || upos[s] !== 'VERB' || !SPEECH.has(forms[s]!.toLowerCase())) continue;
    let hasObject = false;
    let hasSubject = false;
    let sHasClause = false;
    for (let i = 0; i < forms.length; i++) {
      if (heads[i] === v && deps[i] === 'obj') hasObject = true;
      if (heads[i] === v && deps[i]!.startsWith('nsubj')) hasSubject = true;
      if (heads[i] === s && deps[i] === 'ccomp') sHasClause = true;
    }
    if (!hasObject || hasSubject || sHasClause) continue;
    heads[v] = s;
    deps[v] = 'ccomp';
    heads[x] = v;
    deps[x] = 'nsubj';
    repaired++;
  }
  return repaired;
}
