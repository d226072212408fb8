import type { EventType } from './types.js';

/**
 * Conventions of ACLED-style event notes, which sitrep reads as a coder would:
 * - a leading label names the sub-event type of a strategic development and a few others
 *   ("Agreement: On 19 March ...", "Change to armed group: ...", "Detonation: ...");
 * - a coding note fixes the fatality figure ("Fatalities coded as 0 (VoJ reported 3 fatalities)",
 *   "Total fatalities coded as 5", "Fatalities are split across 3 events (4)"): the note wins over the
 *   figures in the text, and the last note written is the final word.
 * - "[size=...]" records a crowd's size: the note describes a demonstration.
 */
export interface Coding {
  type: EventType;
  subType: string;
}

const LABELS: [RegExp, Coding][] = [
  [/^agreements?$/, { type: 'Strategic developments', subType: 'Agreement' }],
  [/^(peace )?(deal|ceasefire|truce|peace talks)$/, { type: 'Strategic developments', subType: 'Agreement' }],
  [/^change to (armed )?group( ?\/ ?activity)?$|^change to (armed )?group activity$|^change of allegiance$|^defections?$|^movements? of (?:forces|troops)$|^troop movements?$|^security measures?$|^(?:new )?recruitment$/, { type: 'Strategic developments', subType: 'Change to group/activity' }],
  [/^(detonation|defusal|defused|disrupted weapons use|weapons? seizure|weapons? cache|arms seizure|seizure)$/, { type: 'Strategic developments', subType: 'Disrupted weapons use' }],
  [/^(non-?violent activity|other|non-?violent|displacement|mass graves?)$/, { type: 'Strategic developments', subType: 'Other' }],
  [/^arrests?$/, { type: 'Strategic developments', subType: 'Arrests' }],
  [/^(looting|property destruction|looting ?\/ ?property destruction|arson)$/, { type: 'Strategic developments', subType: 'Looting/property destruction' }],
  [/^(headquarters|base|hq)( or base)? established$|^(headquarters|base) establishment$/, { type: 'Strategic developments', subType: 'Headquarters or base established' }],
  [/^(non-?violent transfer of territory|territorial transfer|transfer of territory|withdrawal)$/, { type: 'Strategic developments', subType: 'Non-violent transfer of territory' }],
  [/^mob violence$/, { type: 'Riots', subType: 'Mob violence' }],
  [/^sexual violence$/, { type: 'Violence against civilians', subType: 'Sexual violence' }],
  [/^(abduction|forced disappearance|abduction ?\/ ?forced disappearance|kidnapping)$/, { type: 'Violence against civilians', subType: 'Abduction/forced disappearance' }],
  [/^government regains territory$/, { type: 'Battles', subType: 'Government regains territory' }],
  [/^non-?state actor overtakes territory$/, { type: 'Battles', subType: 'Non-state actor overtakes territory' }],
];

/** The coding a leading label gives ("Agreement: ..."), with the label's end offset in `text`. */
export function leadingLabel(text: string): { coding: Coding; end: number } | null {
  const m = /^\s*([A-Za-z][A-Za-z /-]{1,48}?)\s*:\s+/.exec(text);
  if (!m) return null;
  const label = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  for (const [re, coding] of LABELS) if (re.test(label)) return { coding, end: m[0].length };
  return null;
}

/** The fatality figure a coding note fixes, the last note written winning; null when there is none. */
export function codedFatalities(text: string): number | null {
  const re = /\b(?:total\s+)?fatalities\s+(?:are\s+|were\s+)?(?:coded\s+as\s+(\d+)|split\s+(?:across|over|between|among)\s+\d+\s+(?:events|locations|districts|provinces)\s*\((\d+)\))/gi;
  let last: number | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = Number(m[1] ?? m[2]);
  return last;
}

/** Spans of coding notes, which are no event of their own ("Fatalities coded as 0 (VoJ reported 3)"). */
export function noteSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\b(?:total\s+)?fatalities\s+(?:are\s+|were\s+)?(?:coded|split)\b[^.]*(?:\.|$)|\[size=[^\]]*\]/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** A crowd-size tag: the note describes a demonstration. */
export function hasSizeTag(text: string): boolean {
  return /\[size=[^\]]*\]/i.test(text);
}
