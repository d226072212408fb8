/**
 * What a figure counts, normalised so that different reports of one quantity meet: "ISIS fighters",
 * "militants" and "insurgents" are fighters; "people fled", "were displaced" and "refugees" are people
 * displaced. A key is a head group and a predicate (what happened to them). The side ("ISIS" fighters) is
 * read from `what` by the merge (src/merge/figure-side.ts), which knows the actor aliases.
 */
export interface CountedThing {
  /** `head|predicate`, compared exactly. */
  key: string;
  head: string;
  predicate: Predicate;
  /** The counted noun phrase as the quantities layer gave it ("ISIS fighters"). */
  what: string;
  /** A readable label from the report's own words ("ISIS fighters", "people displaced"). */
  label: string;
}

export type Predicate =
  | 'killed'
  | 'wounded'
  | 'detained'
  | 'missing'
  | 'displaced'
  | 'trying to flee'
  | 'destroyed'
  | 'present'
  | 'count';

/** Head nouns by group, checked in order (police before officers, displaced before people). */
const HEADS: readonly [string, RegExp][] = [
  ['police', /\b(?:police(?:m[ae]n|wom[ae]n)?|police officers?|policem[ae]n|cops)\b/i],
  ['displaced', /\b(?:refugees?|displaced(?: people| persons| civilians| families)?|idps?|evacuees?|asylum[- ]seekers?)\b/i],
  ['fighters', /\b(?:fighters?|militants?|insurgents?|jihadists?|extremists?|gunm[ae]n|rebels?|combatants?|terrorists?|guerrillas?|militiam[ae]n|militia members)\b/i],
  ['troops', /\b(?:soldiers?|troops?|servicem[ae]n|service members|recruits|personnel|officers?|peacekeepers?)\b/i],
  ['protesters', /\b(?:protesters?|protestors?|demonstrators?|marchers|rioters)\b/i],
  ['civilians', /\b(?:civilians?|residents?|villagers?|inhabitants?|men and boys|women and children|children|boys|girls|women|men|families|worshippers|students|pupils|farmers|workers|journalists|patients|passengers|pilgrims|shoppers)\b/i],
  ['people', /\b(?:people|persons|individuals|lives|others)\b/i],
];

const ARMED = new Set(['fighters', 'troops', 'police']);

/** Groups whose displacement is counted as "people displaced" (a refugee count is a count of people). */
const HUMAN = new Set(['displaced', 'civilians', 'people', 'families']);

const P_AFTER: readonly [Predicate, RegExp][] = [
  ['trying to flee', /\b(?:try|tries|trying|tried|attempt|attempts|attempting|attempted|seeking|struggling|hoping|waiting)\s+to\s+(?:flee|leave|escape|get out)\b/i],
  ['displaced', /\b(?:fled|flee|flees|fleeing|displaced|evacuated|uprooted|left their homes|(?:have|has|had|who) left|forced (?:out|from their homes)|sought refuge|taken refuge|escaped)\b/i],
  ['killed', /\b(?:killed|dead|died|die|slain|executed|shot dead|massacred|murdered|beheaded|lost their lives|perished)\b/i],
  ['wounded', /\b(?:wounded|injured|hurt|maimed)\b/i],
  ['detained', /\b(?:detained|arrested|captured|abducted|kidnapped|taken (?:hostage|prisoner|captive)|held (?:hostage|captive)|rounded up)\b/i],
  ['missing', /\b(?:missing|unaccounted for|disappeared)\b/i],
  ['destroyed', /\b(?:destroyed|damaged|razed|demolished|burned|torched|flattened)\b/i],
  ['present', /^[^,;]{0,40}?\b(?:are|were|is|was|remain|remained|remaining|stationed|based|holed up|deployed|operating|present|inside|entrenched|defending)\b/i],
];

/** A predicate told before the number: "killed 284 men", "the death toll rose to 30", "displacing 2,000". */
const P_BEFORE: readonly [Predicate, RegExp][] = [
  ['killed', /\b(?:killed|kill|kills|killing|executed|executing|shot dead|massacred|murdered|death toll|toll|deaths?|killing of|bodies of)\b[^.;]{0,40}$/i],
  ['wounded', /\b(?:wounded|wounding|injured|injuring|injuries)\b[^.;]{0,30}$/i],
  ['detained', /\b(?:detained|detaining|arrested|arresting|captured|capturing|abducted|abducting|kidnapped|kidnapping|rounded up|holding)\b[^.;]{0,30}$/i],
  ['displaced', /\b(?:displaced|displacing|uprooted|evacuated|evacuating)\b[^.;]{0,30}$/i],
  ['destroyed', /\b(?:destroyed|destroying|damaged|damaging|razed|demolished|burned|torched)\b[^.;]{0,30}$/i],
];

/** The clause around a number: the predicate of the count is looked for here and nowhere else. */
function clauseAfter(after: string): string {
  const cut = after.search(/[.;!?]|\s--\s|\s[—–]\s|,\s+(?:a|an|the|according|said|says|who|which|while|but|and the)\b/i);
  return (cut >= 0 ? after.slice(0, cut) : after).slice(0, 120);
}

function clauseBefore(before: string): string {
  const parts = before.split(/[.;!?]|\s--\s|\s[—–]\s/);
  return parts[parts.length - 1]!.slice(-80);
}

const VAGUE = /^(?:a few|few|several|many|some|dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands|millions)\b/i;

/** "dozens", "hundreds", "thousands of": a count of magnitude only, never a side of a contested figure. */
export function isVague(quantityText: string): boolean {
  return VAGUE.test(quantityText.trim()) && !/\d/.test(quantityText);
}

export function headGroup(what: string): string | null {
  for (const [g, re] of HEADS) if (re.test(what)) return g;
  return null;
}

/** A thing head that is not a group of people: the last word, singular ("hideouts" → "hideout"). */
function thingHead(what: string): string | null {
  const w = what.toLowerCase().match(/[\p{L}]+/gu);
  if (!w || w.length === 0) return null;
  const last = w[w.length - 1]!;
  return last.length > 3 && last.endsWith('s') && !last.endsWith('ss') ? last.slice(0, -1) : last;
}

const LABEL: Record<Predicate, string> = {
  killed: 'killed',
  wounded: 'wounded',
  detained: 'detained',
  missing: 'missing',
  displaced: 'displaced',
  'trying to flee': 'trying to flee',
  destroyed: 'destroyed',
  present: '',
  count: '',
};

/**
 * What a number counts, from the extractor's `what` and the words of its clause on either side.
 * Returns null when there is no counted noun to go on.
 */
export function countedThing(what: string | null, before: string, after: string): CountedThing | null {
  const head0 = what?.trim() || '';
  if (!head0) return null;
  const after0 = clauseAfter(after);
  const before0 = clauseBefore(before);
  let predicate: Predicate = 'count';
  if (headGroup(head0) === 'displaced') predicate = 'displaced';
  else {
    const tail = after0.slice(Math.max(0, after0.toLowerCase().indexOf(head0.toLowerCase())) + (after0.toLowerCase().includes(head0.toLowerCase()) ? head0.length : 0));
    for (const [p, re] of P_AFTER) {
      if (re.test(tail)) {
        predicate = p;
        break;
      }
    }
    if (predicate === 'count' || predicate === 'present') {
      for (const [p, re] of P_BEFORE) {
        if (re.test(before0)) {
          predicate = p;
          break;
        }
      }
    }
  }
  let head = headGroup(head0) ?? thingHead(head0);
  if (!head) return null;
  // A bare count of armed people is their strength: "5,000 fighters", "5,000 fighters are in the city".
  if (predicate === 'count' && ARMED.has(head)) predicate = 'present';
  if (predicate === 'displaced' && HUMAN.has(head)) head = 'people';
  const label = (LABEL[predicate] ? `${head0} ${LABEL[predicate]}` : head0).replace(/\s+/g, ' ');
  return { key: `${head}|${predicate}`, head, predicate, what: head0, label };
}
