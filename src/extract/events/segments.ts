import type { Tok } from '../quantities/view.js';
import type { Trigger } from './triggers.js';

/**
 * A sentence usually tells one occurrence; some tell several ("... killing 1 soldier, and in another attack
 * a sniper shot 2"; "a dawn attack Sunday after an attack Friday"). A segment is the stretch of a sentence
 * told about one occurrence.
 */
export interface Segment {
  from: number;
  to: number;
  /** Introduced as a different occurrence ("in another attack", "a second attack", "separately"). */
  newMarker: boolean;
}

const MARKER_NOUNS = /^(attack|attacks|incident|incidents|clash|clashes|ambush|ambushes|raid|raids|operation|operations|explosion|blast|bombing|strike|strikes|airstrike|airstrikes|event|events|shooting|assault)$/;

/** Token index where a "new occurrence" marker starts, or -1. */
function markerAt(toks: Tok[], i: number): number {
  const w = toks[i]!.low;
  const n1 = toks[i + 1]?.low ?? '';
  const n2 = toks[i + 2]?.low ?? '';
  if (w === 'another' && (MARKER_NOUNS.test(n1) || MARKER_NOUNS.test(n2))) return i;
  if ((w === 'a' || w === 'the') && /^(second|third|fourth|fifth|separate|further|different|subsequent)$/.test(n1) && (MARKER_NOUNS.test(n2) || MARKER_NOUNS.test(toks[i + 3]?.low ?? ''))) return i;
  if (/^(separately|elsewhere|meanwhile)$/.test(w)) return i;
  return -1;
}

/** A year written alone ("in 2016 militants attacked"), which the time layer may read as a count. */
function yearAt(toks: Tok[], i: number): boolean {
  return /^(1[89]|20)\d\d$/.test(toks[i]?.low ?? '');
}

function clauseStartBefore(toks: Tok[], from: number, i: number): number {
  let k = i;
  // Include a preposition introducing the marker ("in another attack", "during a second attack").
  while (k > from && /^(in|during|following|after|on|at|with)$/.test(toks[k - 1]!.low)) k--;
  return k;
}

/**
 * Splits sentence tokens [0, n) into segments. `timeAt(i)` says whether token i is part of a time
 * expression; two halves joined by "after"/"before" that each carry their own time are two occurrences.
 * `placeAt(i)` says whether token i is part of a place name.
 */
export function segmentSentence(toks: Tok[], triggers: readonly Trigger[], timeAt: (i: number) => boolean, placeAt: (i: number) => boolean = () => false): Segment[] {
  const cuts: { at: number; newMarker: boolean }[] = [];
  const hasTrigger = (a: number, b: number) => triggers.some((t) => t.tokStart >= a && t.tokStart < b);
  const hasTime = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (timeAt(k)) return true;
    return false;
  };
  const hasPlace = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (placeAt(k)) return true;
    return false;
  };
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.low;
    if (w === ';' && hasTrigger(i + 1, toks.length)) cuts.push({ at: i + 1, newMarker: false });
    const m = markerAt(toks, i);
    if (m >= 0) {
      let cs = clauseStartBefore(toks, 0, m);
      // The marker opens a clause after ", and" or ","; otherwise it qualifies the whole clause it ends.
      if (cs > 0 && /^(,|and|;)$/.test(toks[cs - 1]!.low)) {
        while (cs > 0 && /^(,|and)$/.test(toks[cs - 1]!.low)) cs--;
      } else {
        let k = cs;
        while (k > 0 && !/^[,;]$/.test(toks[k - 1]!.low)) k--;
        cs = k;
      }
      cuts.push({ at: cs, newMarker: true });
    }
    // "In 2012 jihadists seized the north, and in 2016 militants attacked a hotel": two coordinated clauses,
    // each with its own act and the second opening on its own time, are two occurrences.
    if (w === 'and' && toks[i - 1]?.low === ',' && hasTrigger(0, i) && hasTime(0, i) && hasTrigger(i + 1, toks.length) &&
      (timeAt(i + 1) || (/^(in|on|at|during|by|since|last|early|late)$/.test(toks[i + 1]?.low ?? '') && (timeAt(i + 2) || yearAt(toks, i + 2))))) {
      cuts.push({ at: i - 1, newMarker: false });
    }
    // "In Kharkiv two died, while in Sumy three were killed": a clause that opens on a place of its own, after
    // a clause told at another place, tells what happened there; its dead are no part of the first place's.
    if ((w === 'while' || w === 'whereas' || (w === 'and' && toks[i - 1]?.low === ',')) && hasTrigger(0, i) && hasTrigger(i + 1, toks.length) &&
      /^(in|at|near)$/.test(toks[i + 1]?.low ?? '') && placeAt(i + 2) && hasPlace(0, i)) {
      cuts.push({ at: toks[i - 1]?.low === ',' ? i - 1 : i, newMarker: false });
    }
    if ((w === 'after' || w === 'before') && i > 0 && hasTrigger(i + 1, toks.length) && hasTrigger(0, i) && hasTime(i + 1, toks.length) && hasTime(0, i)) {
      cuts.push({ at: i, newMarker: false });
    }
  }
  cuts.sort((a, b) => a.at - b.at);
  const segs: Segment[] = [];
  let start = 0;
  let flag = false;
  for (const c of cuts) {
    if (c.at <= start) {
      flag = flag || c.newMarker;
      continue;
    }
    segs.push({ from: start, to: c.at, newMarker: flag });
    start = c.at;
    flag = c.newMarker;
  }
  segs.push({ from: start, to: toks.length, newMarker: flag });
  return segs.filter((s) => s.to > s.from);
}

const DAY_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|weekend|month|night|morning|evening|afternoon)$/;

/** A noun trigger with a definite determiner ("the executions", "The Saturday executions", "the assault", "Sunday's attack"). */
export function definiteNominal(toks: Tok[], t: Trigger): boolean {
  if (t.verbal) return false;
  for (let k = t.tokStart - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const w = toks[k]!;
    if (/^(the|this|these|those|that|such|its|their|his|her)$/.test(w.low)) return true;
    // A day's possessive is a determiner: "Sunday's attack", "last week's raid" name one act already told.
    // (A group's possessive may name its kind of act, "during BNP's demonstration": open unless "the" leads.)
    if (/^['’]s$/.test(w.low) && DAY_WORD.test(toks[k - 1]?.low ?? '')) return true;
    if (w.pos === 'ADJ' || w.pos === 'NOUN' || w.pos === 'PROPN' || /^['’]s$/.test(w.low) || w.low === '-') continue;
    return false;
  }
  return false;
}
