import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { eventDate, timexInterval } from './event-date.js';
import { times } from './index.js';

/** The event date of the sentence holding `phrase` (the whole text when absent). */
function dateOf(text: string, published: string | null, phrase?: string) {
  const doc = prepared(text, published, times);
  if (!phrase) return eventDate(doc, { start: 0, end: text.length });
  const at = text.indexOf(phrase);
  const s = doc.get('sentences').find((x) => x.start <= at && at < x.end)!;
  return eventDate(doc, s);
}

describe('eventDate', () => {
  it('reads ACLED-style descriptions', () => {
    expect(dateOf('On 21 March 2020, 12 militants were killed in Balkh.', '2020-03-22')).toEqual({ start: '2020-03-21', end: '2020-03-21', precision: 1, from: 'span' });
    expect(dateOf('As reported on 5 March 2020, 30 fighters surrendered in Kunar.', '2020-03-06')).toEqual({ start: '2020-03-05', end: '2020-03-05', precision: 2, from: 'span' });
  });

  it("joins days named together, and prefers the event's date to the report's", () => {
    const text = 'They were killed on Thursday and Friday, a source told reporters on Sunday.';
    expect(dateOf(text, '2016-10-23')).toMatchObject({ start: '2016-10-20', end: '2016-10-21', precision: 2 });
    expect(dateOf('Militants shot 20 villagers on Saturday, officials said Sunday.', '2016-10-23')).toMatchObject({ start: '2016-10-22', end: '2016-10-22', precision: 1 });
  });

  it("takes a wire dateline's date for the report's", () => {
    const text = 'BARTELLA, Iraq, Oct. 21 -- Iraqi soldiers recaptured the town on Thursday after two days of clashes.';
    expect(dateOf(text, '2016-10-21')).toMatchObject({ start: '2016-10-20', end: '2016-10-20', precision: 1 });
    expect(dateOf('KABUL, March 3 (Reuters) - Gunmen attacked a checkpoint.', '2020-03-03')).toMatchObject({ start: '2020-03-03', end: '2020-03-03', precision: 2 });
  });

  it('reads stretches: since a day, the past month, a weekend, a year', () => {
    expect(dateOf('The coalition has pushed toward the city since Monday.', '2016-10-23')).toMatchObject({ start: '2016-10-17', end: '2016-10-23', precision: 2 });
    expect(dateOf('The ministry says it killed 900 militants in the past month.', '2016-11-12')).toMatchObject({ start: '2016-10-12', end: '2016-11-12', precision: 3 });
    expect(dateOf('Two towns were freed over the weekend.', '2016-10-23')).toMatchObject({ start: '2016-10-22', end: '2016-10-23', precision: 2 });
    expect(dateOf('In 2014 ISIS seized the city.', '2016-10-23')).toMatchObject({ start: '2014-01-01', end: '2014-12-31', precision: 3 });
  });

  it('falls back to the sentence, then the paragraph, then the publication day, and says so', () => {
    const text = 'On Saturday militants entered the village. They detained and killed those who had welcomed the troops.\n\nA fire burned at a factory.';
    expect(dateOf(text, '2016-10-23', 'They detained')).toEqual({ start: '2016-10-22', end: '2016-10-22', precision: 1, from: 'paragraph' });
    expect(dateOf(text, '2016-10-23', 'A fire')).toEqual({ start: '2016-10-23', end: '2016-10-23', precision: 2, from: 'publication' });
    expect(dateOf('A fire burned at a factory.', null)).toBeNull();
  });

  it('uses no date it cannot place', () => {
    expect(dateOf('The convoy was hit on Friday.', null)).toBeNull();
    expect(dateOf('The convoy was hit on 3 March 2020.', null)).toMatchObject({ start: '2020-03-03', end: '2020-03-03', precision: 1 });
  });

  it('answers for every event of a long document from one index', () => {
    const sentence = (i: number) => `On ${(i % 28) + 1} March 2020, militants attacked checkpoint ${i}.`;
    const text = Array.from({ length: 400 }, (_, i) => sentence(i)).join(' ');
    const doc = prepared(text, '2020-04-01', times);
    const sents = doc.get('sentences');
    expect(sents.length).toBe(400);
    sents.forEach((s, i) => {
      const day = String((i % 28) + 1).padStart(2, '0');
      expect(eventDate(doc, s)).toMatchObject({ start: `2020-03-${day}`, end: `2020-03-${day}`, from: 'span' });
    });
  });

  it('exports the value-to-interval helper', () => {
    expect(timexInterval('2016-W42-WE')).toEqual({ start: '2016-10-22', end: '2016-10-23', precision: 2 });
  });
});
