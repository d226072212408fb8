import { describe, expect, it } from 'vitest';
import { clausePast, cueAround, tenseAround } from './direction.js';

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
    expect(tense('The aid, said to be late, is in Kabul Friday.', 'Friday')).toBeNull();
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

  it('reads a present-tense schedule as the future, outside headlines', () => {
    expect(tense('The two leaders meet separately Monday with the envoy.', 'Monday')).toBe('future');
    expect(tense('Talks open Tuesday in Geneva.', 'Tuesday')).toBe('future');
    expect(tense('The aid, said to be late, arrives Friday.', 'Friday')).toBe('future');
    expect(tense('Parliament launches the inquiry on Thursday.', 'Thursday')).toBe('future');
    // An adjective, a negated past, an infinitive, a noun: not a schedule.
    expect(tense('The border remained open Monday.', 'Monday')).toBe('past');
    expect(tense('They did not meet Monday.', 'Monday')).toBe('past');
    expect(tense('Rebels attacked the meet on Sunday.', 'Sunday')).toBe('past');
    expect(tense('Officials say the convoy is safe Monday.', 'Monday')).toBeNull();
    // With parts of speech, a schedule word after an adjective is a noun: "an official visit on Monday".
    const visit = 'Peres made an official visit to Prague on Monday.';
    const at = visit.indexOf('Monday');
    const posAt = (o: number) => (o === visit.indexOf('official') ? 'ADJ' : undefined);
    expect(tenseAround(visit, at, at + 6, 0, visit.length, { posAt })).toBeNull();
    expect(tenseAround(visit, at, at + 6, 0, visit.length)).toBe('future');
    const headline = 'Minister visits Mosul on Sunday';
    const i = headline.indexOf('Sunday');
    expect(tenseAround(headline, i, i + 6, 0, headline.length, { schedule: false })).toBeNull();
  });

  it('reads a past tense under a future seen from the past as the future (sequence of tenses)', () => {
    expect(tense('Traders said institutions were likely to buy the stock as soon as trading opened Monday.', 'Monday')).toBe('future');
    expect(tense('He said the army would withdraw once the talks ended Friday.', 'Friday')).toBe('future');
    expect(tense('Institutions bought the stock as soon as trading opened Monday.', 'Monday')).toBe('past');
    expect(tense('Troops left when the talks ended Friday.', 'Friday')).toBe('past');
  });

  it('reads on past "and" inside a name, not past "and" between clauses', () => {
    expect(tense('On Tuesday, the Abortion and Reproductive Rights League plans to hold a news conference.', 'Tuesday')).toBe('future');
    expect(tense('On Tuesday, the army and police will patrol the town.', 'Tuesday')).toBeNull();
  });

  it('does not read a plan told in the past as a future', () => {
    // "was about to": imminent in the past, so the day is past.
    expect(tense('Police arrested the man at the city airport in the early hours of Thursday as he was about to board a plane.', 'Thursday')).toBe('past');
    expect(tense('On Friday, when she set aside vacation plans for the hastily planned trip, the warning was lifted.', 'Friday')).toBeNull();
    expect(tense('The offensive began Saturday as previously planned.', 'Saturday')).toBe('past');
    expect(tense('The minister planned to leave on Thursday.', 'Thursday')).toBe('future');
  });

  it('reads what was agreed as lying ahead, not the agreement itself', () => {
    expect(tense('Thermo, which agreed to buy the line in February, said so.', 'February')).toBe('future');
    expect(tense('The sides agreed to a truce on Friday.', 'Friday')).toBe('past');
  });

  it('finds a past verb however far back in the clause of a month after "in"', () => {
    const past = (text: string, word: string) => clausePast(text, text.indexOf(word), 0);
    expect(past('The funeral home operator changed from a fiscal year to a calendar year in December.', 'December')).toBe(true);
    expect(past('The funeral home operator will change from a fiscal year to a calendar year in December.', 'December')).toBe(false);
    expect(past('Thermo, which agreed to purchase the chromatography line for $22 million in February.', 'February')).toBe(false);
    expect(past('The bank extended the loans, which run through January.', 'January')).toBe(false);
    expect(past('The board met, and the vote is due in May.', 'May')).toBe(false);
  });
});
