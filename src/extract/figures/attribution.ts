import type { Span, TextSpan } from '../../core/span.js';

/**
 * Who a claim is attributed to, found in the claim's own sentence. The event extractor attributes events
 * and (when it does) figures; this is the fallback for figures that come without a source, using the
 * ordinary shapes of attribution in news prose. The result always points at the words of the document.
 */
export interface Attribution extends TextSpan {
  /** A display name when it is built from more than the span (an interviewee and their organisation). */
  label?: string;
}

const VERBS = String.raw`(?:said|says|say|told|tells|claimed|claims|claim|estimated|estimates|estimate|reported|reports|report|added|adds|stated|states|confirmed|confirms|announced|announces|believes|believe|counted|counts|warned|warns|put|puts|putting|placed|places)`;

// ", a US military official said." / ", the ministry said in a statement on Sunday."
const TRAILING = new RegExp(String.raw`,\s*([^,;]{2,100}?)\s+${VERBS}\b[^,;]{0,60}$`, 'iu');
// ", said the ministry." / ", according to the UN."
const TRAILING_SAID = /,\s*(?:said|says|according to)\s+([^,;]{2,100}?)\s*[.!?"”']*\s*$/iu;
const ACCORDING = /\baccording to\s+([^,;.]{2,100}?)(?=\s*(?:[,;.]|$))/iu;
// "Iraq officials claimed that ..." / "Lt. Gen. X, commander of Y, said at least 50 ..."
const LEADING = new RegExp(String.raw`^\s*["“]?((?:[^;"“”]){2,160}?)\s+${VERBS}\b`, 'u');
// "we understand from the World Health Organization, as many as ..."
const FROM = /\b(?:understand|understood|learned|learnt|heard|hear|know|told|informed|figures?|data|estimates?|numbers?)\s+(?:from|by)\s+([^,;.]{2,100}?)(?=\s*[,;.]|\s+(?:that|as many|as few|about|some|around|up to|over|more than|at least|nearly|almost)\b|\s+\d)/iu;
const PER = /\b(?:per|citing|cited by)\s+((?:the\s+)?\p{Lu}[^,;.]{1,100}?)(?=\s*(?:[,;.]|$))/u;

const NOT_A_SOURCE = /^(?:it|this|that|there|which|who|what|he|she|they|we|i|you|one|officials? also|and|but)$/i;
const PRONOUN = /^(?:he|she|they|the official|the source|officials|the spokesman|the spokeswoman)$/i;

function clean(s: string, base: number, from: number): { start: number; end: number } | null {
  let start = base + from;
  let t = s;
  const lead = /^(?:\s|["“”'(]|and\s|but\s|that\s|while\s|as\s|so\s)+/i.exec(t);
  if (lead) {
    start += lead[0].length;
    t = t.slice(lead[0].length);
  }
  t = t.replace(/(?:\s+(?:later|also|earlier|now|then|again|previously|initially|first|separately|today|yesterday))+\s*$/iu, '');
  t = t.replace(/[\s"“”'),]+$/u, '');
  if (!/\p{L}/u.test(t) || t.length > 160) return null;
  return { start, end: start + t.length };
}

function pick(text: string, sentence: Span, m: RegExpExecArray | null, group = 1): TextSpan | null {
  if (!m || m[group] === undefined) return null;
  const inner = m.index + m[0].indexOf(m[group]!);
  const r = clean(m[group]!, sentence.start, inner);
  if (!r) return null;
  const t = text.slice(r.start, r.end);
  if (NOT_A_SOURCE.test(t) || /\d/.test(t.slice(0, 3))) return null;
  // "It is said", "30 houses were reported": a passive verb of saying names no one.
  if (/\b(?:is|was|are|were|been|be|being)$/i.test(t) || /^it\b/i.test(t)) return null;
  return { start: r.start, end: r.end, text: t };
}

/**
 * The attribution of a claim at `at` within `sentence`. Explicit shapes only, tried from the most to the
 * least specific; a pronoun ("he said") is returned as written and left to the caller to resolve.
 */
export function findAttribution(text: string, sentence: Span, at: Span): TextSpan | null {
  const s = text.slice(sentence.start, sentence.end);
  const rel = at.start - sentence.start;
  const acc = ACCORDING.exec(s);
  if (acc) return pick(text, sentence, acc);
  const from = FROM.exec(s);
  if (from && from.index < rel) return pick(text, sentence, from);
  const per = PER.exec(s);
  if (per) return pick(text, sentence, per);
  const ts = TRAILING_SAID.exec(s);
  if (ts && ts.index > rel) return pick(text, sentence, ts);
  const tr = TRAILING.exec(s);
  if (tr && tr.index >= rel - 1) return pick(text, sentence, tr);
  const lead = LEADING.exec(s);
  if (lead && lead.index + lead[0].length <= rel) return pick(text, sentence, lead);
  return null;
}

export function isPronounSource(s: string): boolean {
  return PRONOUN.test(s.trim());
}

/** An interviewee introduced in a transcript: their name and, when given, their organisation. */
export interface Interviewee {
  name: TextSpan;
  organisation: TextSpan | null;
}

const NAME = String.raw`(\p{Lu}[\p{L}'’-]+(?:\s+(?:al-|bin\s|de\s|van\s)?\p{Lu}[\p{L}'’-]+){1,3})`;
const INTRO_PATTERNS: readonly RegExp[] = [
  // "Joining me now to talk about this is NAME, who is directing ... for the ORG"
  new RegExp(String.raw`\bJoining (?:me|us)\b[^.?!]{0,60}?\bis\s+${NAME}`, 'u'),
  // "We're joined by NAME of the ORG" / "I'm joined by NAME"
  new RegExp(String.raw`\b(?:joined|joining us) (?:now )?by\s+${NAME}`, 'u'),
  // "NAME, who is ..., joins ANCHOR to discuss"
  new RegExp(String.raw`${NAME}(?:,[^.?!]{0,120}?,)?\s+joins\s+(?:us|me|\p{Lu})`, 'u'),
  // "NAME, thank you" at the sign-off is not used: it comes after the claims.
];
const ORG = /\b(?:for|of|with|at|from)\s+(the\s+(?:\p{Lu}[\p{L}'’-]*\s*|of\s+|for\s+|and\s+){1,8})/u;

/**
 * The guest of an interview transcript, if the document introduces one. First-person claims in the
 * transcript that carry no attribution of their own are the guest's: the host asks, the guest answers.
 */
export function findInterviewee(text: string): Interviewee | null {
  const head = text.slice(0, 6000);
  for (const re of INTRO_PATTERNS) {
    const m = re.exec(head);
    if (!m) continue;
    const nameStart = m.index + m[0].indexOf(m[1]!);
    const name = { start: nameStart, end: nameStart + m[1]!.length, text: m[1]! };
    // The organisation is named in the same sentence as the introduction.
    const sentEnd = head.slice(name.end).search(/[.?!]\s/);
    const rest = head.slice(name.end, sentEnd >= 0 ? name.end + sentEnd : name.end + 200);
    const o = ORG.exec(rest);
    let organisation: TextSpan | null = null;
    if (o) {
      const raw = o[1]!.replace(/(?:\s+(?:of|for|and))*\s*$/u, '');
      const start = name.end + o.index + o[0].indexOf(o[1]!);
      organisation = { start, end: start + raw.length, text: raw };
    }
    return { name, organisation };
  }
  return null;
}

const FIRST_PERSON = /\b(?:we|I|our|us|my|we've|we're|I'm|I've)\b/iu;

/** Is this sentence the guest speaking: first person, not a question, not addressed to the guest by name? */
export function isGuestSpeaking(sentence: string, guest: Interviewee): boolean {
  if (!FIRST_PERSON.test(sentence) || /\?\s*$/.test(sentence)) return false;
  const first = guest.name.text.split(/\s+/)[0]!;
  // "And, Alex, we understand ..." is the host talking to the guest.
  if (new RegExp(String.raw`(?:^|,)\s*${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\s*,`, 'u').test(sentence)) return false;
  return true;
}

// "DANA RAHIM: By our count ...", "Maria Lopez: We have ...": a speaker label opening a line of a transcript.
const SPEAKER_LINE = /^[ \t]*((?:\p{Lu}[\p{Lu}'’.-]*)(?:[ \t]+\p{Lu}[\p{Lu}'’.-]*){0,3}|\p{Lu}[\p{Ll}'’.-]+(?:[ \t]+\p{Lu}[\p{Ll}'’.-]+){1,3}):[ \t]+\S/gmu;
/** Labels that open a line but name no speaker, and speakers who ask rather than claim. */
const NOT_A_SPEAKER = /^(?:HOST|ANCHOR|INTERVIEWER|PRESENTER|MODERATOR|Q|QUESTION|A|ANSWER|REPORTER|CORRESPONDENT|NARRATOR|UPDATE|NOTE|EDITOR'?S NOTE|CORRECTION|WATCH|READ MORE|RELATED|PHOTO|VIDEO|AUDIO|SOURCE|SOURCES|DATE|BY|CREDIT|TRANSCRIPT)$/i;

/**
 * The speaker labels of a transcript, in text order (each label's name as a span; hosts and
 * interviewers included, so a host's turn ends the guest's). Empty unless the document has at least two
 * labelled turns, so that an ordinary "Update: ..." line is not taken for a speaker.
 */
export function transcriptSpeakers(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  SPEAKER_LINE.lastIndex = 0;
  for (let m = SPEAKER_LINE.exec(text); m; m = SPEAKER_LINE.exec(text)) {
    const start = m.index + m[0].indexOf(m[1]!);
    out.push({ start, end: start + m[1]!.length, text: m[1]! });
  }
  const turns = out.filter((s) => !/^(?:UPDATE|NOTE|EDITOR'?S NOTE|CORRECTION|WATCH|READ MORE|RELATED|PHOTO|VIDEO|AUDIO|SOURCE|SOURCES|DATE|BY|CREDIT)$/i.test(s.text));
  return turns.length >= 2 ? turns : [];
}

/** Who is speaking at `offset`: the last label before it, unless that is a host, interviewer or a non-speaker label. */
export function speakerAt(speakers: readonly TextSpan[], offset: number): TextSpan | null {
  let last: TextSpan | null = null;
  for (const s of speakers) {
    if (s.start > offset) break;
    last = s;
  }
  return last && !NOT_A_SPEAKER.test(last.text) ? last : null;
}
