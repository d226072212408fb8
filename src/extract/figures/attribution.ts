import type { TextSpan } from '../../core/span.js';

/** Sources that stand for one named before ("he", "the official"): the reader looks back for the name. */
const PRONOUN = /^(?:he|she|they|the official|the source|officials|the spokesman|the spokeswoman)$/i;

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
