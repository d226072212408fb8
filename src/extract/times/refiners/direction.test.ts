import { describe, expect, it } from 'vitest';
import { cueAround, tenseAround } from './direction.js';

/** The tense around the first occurrence of `word` in `text`. */
const tense = (text: string, word: string) => {
  const i = text.indexOf(word);
  return tenseAround(text, i, i + word.length, 0, text.length);
};

describe('direction (tense cues)', () => {
  it('finds the future in the clause', () => {
    expect(tense('The minister will visit Mosul on Monday.', 'Monday')).toBe('future');
    expect(tense('Talks are scheduled to resume Friday.', 'Friday')).toBe('future');
    expect(tense('He could arrive as early as Tuesday.', 'Tuesday')).toBe('future');
    expect(tense('Protesters were planning to march on Monday.', 'Monday')).toBe('future');
    expect(tense('They have until Tuesday to leave.', 'Tuesday')).toBe('future');
    expect(tense('On Friday, the minister will visit the front.', 'Friday')).toBe('future');
  });

  it('finds the past, and the nearer cue wins', () => {
    expect(tense('Gunmen attacked the post on Friday.', 'Friday')).toBe('past');
    expect(tense('He will step down, he said Friday.', 'Friday')).toBe('past');
    expect(tense('The offer had been scheduled to expire Friday.', 'Friday')).toBe('past');
    expect(tense('Until Thursday, police had not named him.', 'Thursday')).toBe('past');
  });

  it('says nothing across a clause boundary or without a cue', () => {
    expect(tense('The judge ruled that the boy must go home by Jan. 14.', 'Jan. 14')).toBe('future');
    expect(tense('Officials said that on Friday talks resume.', 'Friday')).toBeNull();
    expect(tense('Friday.', 'Friday')).toBeNull();
    expect(tense('The aid, said to be late, arrives Friday.', 'Friday')).toBeNull();
  });

  it('does not read a passive participle as the past', () => {
    expect(tense('The dividend will be paid Dec. 14.', 'Dec. 14')).toBe('future');
    expect(cueAround('The fiscal year ended Jan. 31.', 22, 29, 0, 30)).toEqual({ tense: 'past', distance: 1 });
  });

  it('does not read an -ed adjective as the past', () => {
    expect(tense('The bonus would be paid on a still unspecified date in March.', 'March')).toBe('future');
    expect(tense('An unnamed official will travel on Monday.', 'Monday')).toBe('future');
    expect(tense('The revised budget goes to a vote in June.', 'June')).toBeNull();
    expect(tense('Troops entered the town in June.', 'June')).toBe('past');
  });
});
