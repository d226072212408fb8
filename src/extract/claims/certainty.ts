import type { Span, TextSpan } from '../../core/span.js';
import type { Certainty } from '../events/types.js';

/**
 * How sure the outlet is of what it tells. A cue is found in a sentence; which events it covers is decided
 * by the event refiner (the same sentence, the sentence before, or events named by the cue's object:
 * "CNN could not independently confirm the killings" covers the killings told earlier).
 */
export interface CertaintyCue extends Span {
  certainty: Exclude<Certainty, 'reported'>;
  /** Lower-cased head noun of what the cue is about ("killings", "executions", "claims"), if written. */
  about: string | null;
}

const UNVERIFIED = [
  /\b(?:could|can|would)\s*(?:not|n't)\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?|corroborate(?:d)?)\b/gi,
  /\b(?:cannot|couldn't|can't)\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?|corroborate(?:d)?)\b/gi,
  /\b(?:was|were|is|are|has been|have been)\s+(?:not|unable to)\s+(?:be\s+)?(?:able\s+to\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)\b/gi,
  /\bunable\s+to\s+(?:independently\s+)?(?:verify|confirm|corroborate)\b/gi,
  /\bnot\s+(?:been\s+)?independently\s+(?:verified|confirmed)\b/gi,
  /\b(?:unverified|unconfirmed|uncorroborated)\b/gi,
  /\bno\s+(?:independent\s+)?(?:confirmation|verification)\b/gi,
];
const DENIED = [
  /\b(?:denied|denies|deny|denying)\b/gi,
  /\b(?:rejected|dismissed|refuted)\s+(?:the\s+|these\s+|those\s+|such\s+)?(?:claims?|reports?|allegations?|accounts?)\b/gi,
];
const DISPUTED = [/\b(?:disputed|disputes|contested|contradicted|contradicts|challenged the (?:figures?|account|claims?))\b/gi];
const CONFIRMED = [/\b(?:confirmed|confirms|verified|independently established)\b/gi];

const HEDGES = /\b(?:reportedly|allegedly|purportedly|apparently|(?:is|are|was|were)\s+(?:said|reported|believed|thought|alleged)\s+to\s+(?:have\s+)?|claimed\s+to\s+have|unconfirmed\s+reports?)\b/gi;

const WHO_DID_IT = /^\s+(?:any\s+|all\s+|its\s+|their\s+|having\s+(?:had\s+)?(?:any\s+)?)?(?:involvement|responsibility|role|part|links?|ties|connection|knowledge|a hand)\b/i;

function objectHead(text: string, from: number): string | null {
  // The first content noun after the cue: "... confirm the killings", "... verify accounts of the executions".
  const rest = text.slice(from, from + 80).toLowerCase();
  const m = /^\s*(?:the|these|those|this|that|such|its|their|his|her|any|)\s*([a-z-]+)(?:\s+of\s+(?:the\s+)?([a-z-]+))?/.exec(rest);
  if (!m) return null;
  const head = m[1]!;
  if (['accounts', 'account', 'reports', 'report', 'claims', 'claim', 'details', 'footage', 'video', 'images', 'number', 'figures', 'figure', 'toll'].includes(head) && m[2]) return m[2];
  return head || null;
}

function negated(text: string, at: number): boolean {
  return /\b(?:not|n't|never|no|yet to|unable to)\s+(?:been\s+|be\s+|yet\s+|independently\s+)*$/i.test(text.slice(Math.max(0, at - 30), at));
}

/** The certainty cues in a piece of text whose first character is at `offset` in the document. */
export function certaintyCues(text: string, offset: number): CertaintyCue[] {
  const out: CertaintyCue[] = [];
  const taken: Span[] = [];
  const add = (re: RegExp, certainty: CertaintyCue['certainty'], check?: (m: RegExpExecArray) => boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = { start: m.index, end: m.index + m[0].length };
      if (taken.some((t) => t.start < s.end && s.start < t.end)) continue;
      if (check && !check(m)) continue;
      taken.push(s);
      out.push({ start: offset + s.start, end: offset + s.end, certainty, about: objectHead(text, s.end) });
    }
  };
  for (const re of UNVERIFIED) add(re, 'unverified');
  // "denied any involvement", "denies responsibility": who did it is denied, not that it happened.
  for (const re of DENIED) add(re, 'denied', (m) => !negated(text, m.index) && !WHO_DID_IT.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)));
  for (const re of DISPUTED) add(re, 'disputed', (m) => !negated(text, m.index));
  for (const re of CONFIRMED) add(re, 'confirmed', (m) => !negated(text, m.index));
  return out.sort((a, b) => a.start - b.start);
}

/** Hedge words kept with an event ("reportedly", "said to have"): the claim stays `reported`. */
export function hedgeSpans(input: string, from: number, to: number): TextSpan[] {
  const text = input.slice(from, to);
  const out: TextSpan[] = [];
  HEDGES.lastIndex = 0;
  for (let m = HEDGES.exec(text); m; m = HEDGES.exec(text)) {
    const raw = m[0].replace(/\s+$/, '');
    out.push({ start: from + m.index, end: from + m.index + raw.length, text: raw });
  }
  return out;
}

/** Which certainty wins when several cues cover one event: a denial, then a dispute, then the outlet's doubt. */
export const CERTAINTY_RANK: Record<Certainty, number> = { denied: 5, disputed: 4, unverified: 3, confirmed: 2, reported: 1 };
