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
    // No day given: by the time of the report, most often the day before; both days stay possible.
    expect(dateOf(text, '2016-10-23', 'A fire')).toEqual({ start: '2016-10-22', end: '2016-10-23', precision: 2, from: 'publication' });
    expect(dateOf('A fire burned at a factory.', null)).toBeNull();
  });

  it('takes no day from a time of day alone, from a date that names another occurrence, or from "the following day" told after', () => {
    expect(dateOf('Gunmen attacked the post during the early morning hours.', '2017-05-10')).toMatchObject({ start: '2017-05-09', end: '2017-05-10', from: 'publication' });
    expect(dateOf('Gunmen attacked the post at around 3am.', '2017-05-10')).toMatchObject({ start: '2017-05-09', end: '2017-05-10', from: 'publication' });
    expect(dateOf('Gunmen attacked the post this morning.', '2017-05-10')).toMatchObject({ start: '2017-05-10', end: '2017-05-10' });
    expect(dateOf('Gunmen attacked the post on Tuesday night.', '2017-05-10')).toMatchObject({ start: '2017-05-09', end: '2017-05-09' });
    expect(dateOf('Farmers burned a granary in reprisal for the 3 May clashes.', '2017-05-10')).toMatchObject({ from: 'publication' });
    expect(dateOf('Relatives of victims of the 2007 post-election violence marched in Eldoret.', '2017-05-10')).toMatchObject({ from: 'publication' });
    expect(dateOf('Teachers marched over a March ruling on pay.', '2017-05-10')).toMatchObject({ from: 'publication' });
    expect(dateOf('The Friday attack killed 4 soldiers.', '2017-05-10')).toMatchObject({ start: '2017-05-05', end: '2017-05-05' });
    const text = 'Traders marched through the market in Kisii. Police broke up the march the following day.';
    expect(dateOf(text, '2017-05-10', 'Traders')).toMatchObject({ start: '2017-05-09', end: '2017-05-10', from: 'publication' });
  });

  it('reads a pair of days written with a dash as one stretch, whichever is nearer', () => {
    const text = 'On 11-12 March, soldiers fought militants near the river. The fighting killed 9.';
    expect(dateOf(text, '2018-03-13', 'The fighting')).toMatchObject({ start: '2018-03-11', end: '2018-03-12', precision: 2 });
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
