/**
 * A repair of the parser's by-phrase attachment in a passive clause: "a patrol was attacked in the early
 * hours near the old market by fighters" is parsed with "by fighters" modifying "market" (nmod), so the
 * attack has no agent. In a passive clause with no agent of its own, a "by"-phrase hanging on a noun of
 * one of the verb's obliques, with no verb between them, is the verb's agent (obl:agent). The by-phrase of
 * an event noun ("was killed in an attack by fighters") names the same agent either way.
 */
export function repairPassiveAgents(forms: readonly string[], upos: readonly string[], heads: number[], deps: string[]): number {
  let repaired = 0;
  for (let v = 0; v < forms.length; v++) {
    if (upos[v] !== 'VERB') continue;
    let passive = false;
    let hasAgent = false;
    for (let i = 0; i < forms.length; i++) {
      if (heads[i] !== v) continue;
      if (deps[i] === 'nsubj:pass' || deps[i] === 'aux:pass') passive = true;
      if (deps[i] === 'obl:agent') hasAgent = true;
    }
    if (!passive || hasAgent) continue;
    for (let b = v + 1; b < forms.length; b++) {
      if (deps[b] !== 'nmod' || !forms.slice(v + 1, b).every((_, k) => upos[v + 1 + k] !== 'VERB')) continue;
      const byCase = forms.some((f, i) => heads[i] === b && deps[i] === 'case' && f.toLowerCase() === 'by' && i < b);
      if (!byCase) continue;
      // The noun it hangs on must lie in an oblique of v: climb through nmod/obl links to v.
      let h = heads[b]!;
      let steps = 0;
      while (h >= 0 && heads[h] !== v && deps[h] === 'nmod' && steps++ < 10) h = heads[h]!;
      if (h < 0 || heads[h] !== v || deps[h] !== 'obl') continue;
      heads[b] = v;
      deps[b] = 'obl:agent';
      repaired++;
      break;
    }
  }
  return repaired;
}
