import { describe, expect, it } from 'vitest';
import { detectPublished, inferYear, scanHead, wireDateline } from './published.js';

const found = (text: string, url: string | null = null) => {
  const f = detectPublished(text, { url });
  return f && { date: f.date, from: f.from, kind: f.kind, text: text.slice(f.start, f.end) };
};

describe('detectPublished: a date marker line', () => {
  it('takes `date YYYY-MM-DD` at the start, even when the story continues on the same line', () => {
    expect(found(' date 2016-10-23 Around 30,000 troops are taking part in the push.')).toEqual({ date: '2016-10-23', from: 'text-date-line', kind: 'marker', text: 'date 2016-10-23' });
    expect(found('Date: 2016-10-23\n\nTroops advanced.')).toMatchObject({ date: '2016-10-23', text: 'Date: 2016-10-23' });
    expect(found('date 2016-10-23. Troops advanced.')).toMatchObject({ date: '2016-10-23', text: 'date 2016-10-23' });
  });
  it('does not take a marker holding an impossible date, nor a "date" word in prose', () => {
    expect(found('date 2016-02-30\nTroops advanced.')).toBeNull();
    expect(found('Dated 2016 reports said troops advanced on Mosul in large numbers, officials said.')).toBeNull();
  });
});

describe('detectPublished: stamp lines', () => {
  it('takes "Published …" and "Posted …" lines under a headline and a byline', () => {
    const text = 'Troops push into eastern Mosul\n\nBy Jane Roe, Test News\nPublished 12 November 2016\n\nIraqi forces advanced on Saturday.';
    expect(found(text)).toEqual({ date: '2016-11-12', from: 'text-date-line', kind: 'stamp', text: 'Published 12 November 2016' });
    expect(found('Posted: Nov. 12, 2016 10:32 a.m. ET\nTroops advanced.')).toMatchObject({ date: '2016-11-12' });
  });
  it('does not take an "Updated" stamp or a relative one as the publication date', () => {
    expect(found('Updated 13 November 2016\n\nIraqi forces advanced on Saturday, officials said.')).toBeNull();
    expect(found('Published 3 hours ago\n\nIraqi forces advanced on Saturday, officials said.')).toBeNull();
  });
  it('keeps looking past an "Updated" stamp for the "Published" one', () => {
    expect(found('Updated: 13 Nov 2016\nPublished: 12 Nov 2016\n\nBody.')).toMatchObject({ date: '2016-11-12' });
  });
});

describe('detectPublished: a date alone on a line', () => {
  it('takes "March 22, 2013" at the top', () => {
    expect(found('March 22, 2013\n\nGunmen attacked a checkpoint, police said.')).toEqual({ date: '2013-03-22', from: 'dateline', kind: 'date-only', text: 'March 22, 2013' });
    expect(found('Headline of the story\nTuesday, 22 March 2013 09:15 GMT\nBody.')).toMatchObject({ date: '2013-03-22' });
  });
  it('does not take a date line below the first paragraph of prose', () => {
    expect(found('Iraqi forces advanced on Saturday, officials said, in a push toward the city.\n\nMarch 22, 2013\n')).toBeNull();
  });
});

describe('detectPublished: wire datelines', () => {
  it('takes the date of a dateline with a year', () => {
    expect(found('MOSUL, Iraq, Nov. 3, 2016 (AP) — Troops advanced.')).toEqual({ date: '2016-11-03', from: 'dateline', kind: 'dateline', text: 'Nov. 3, 2016' });
    expect(found('March 22, 2013 — Gunmen attacked a checkpoint.')).toMatchObject({ date: '2013-03-22', kind: 'dateline' });
  });
  it('takes a yearless dateline only when the document states the year without ambiguity', () => {
    const body = 'BAGHDAD, Oct. 23 (Reuters) - Iraqi forces advanced on Sunday, officials said.';
    expect(found(body)).toBeNull();
    expect(found(`${body}\n\n© 2016 Reuters`)).toMatchObject({ date: '2016-10-23', text: 'Oct. 23' });
    expect(found(`${body} The offensive began before Oct. 23, 2016, they said.`)).toMatchObject({ date: '2016-10-23' });
    expect(found(body, 'https://news.example/2016/10/23/iraq-mosul')).toMatchObject({ date: '2016-10-23' });
  });
  it('never guesses: conflicting or merely nearby years leave the document undated', () => {
    const body = 'BAGHDAD, Oct. 23 (Reuters) - Iraqi forces advanced, officials said. ISIS seized Mosul in June 2014.';
    expect(found(body)).toBeNull();
    expect(found(`${body}\n© 2016 Reuters`, 'https://news.example/2015/10/23/x')).toBeNull();
  });
  it('stops at a dateline without a date: the story has begun', () => {
    expect(found('NAIROBI, Kenya (AP) _\n\nMarch 22, 2013\n')).toBeNull();
  });
});

describe('detectPublished: event dates are not publication dates', () => {
  it('ignores a date inside the first sentence of the story', () => {
    expect(found('On March 3, 2015, gunmen attacked a checkpoint near Tikrit, killing four policemen.')).toBeNull();
    expect(found('Gunmen attacked a checkpoint near Tikrit on March 3, 2015, police said.')).toBeNull();
    expect(found('March 3, 2015, was the day the gunmen came to the village, residents recall.')).toBeNull();
    expect(found('On 21 March 2020, 2 soldiers were wounded in an ambush in Nangarhar.')).toBeNull();
  });
  it('ignores dates in the body even when the head has none', () => {
    expect(found('Iraqi forces push on\n\nTroops reached the town, officials said.\n\nMarch 22, 2013\n')).toBeNull();
  });
  it('returns null for empty or odd input', () => {
    for (const t of ['', ' ', '\n\n', '😀', 'ش'.repeat(5000)]) expect(found(t)).toBeNull();
  });
});

describe('detectPublished: captions and credits never date the story', () => {
  it('skips a caption that opens with a date and ends with its credit', () => {
    const story = 'Shops reopen along the river road\nApril 9, 2023: a baker sets out bread in the old quarter. Photo: Jane Roe/Valley Wire\nShops reopened on the river road this week after months of closures, traders said.';
    expect(found(story)).toBeNull();
  });
  it('skips the line after a caption label, even when it is a date alone', () => {
    const story = 'Shops reopen along the river road\nImage caption,\nApril 9, 2023\nShops reopened on the river road this week after months of closures, traders said.';
    expect(found(story)).toBeNull();
  });
  it('still takes the date line below a caption', () => {
    const story = 'Shops reopen along the river road\nA baker sets out bread. (Photo by Jane Roe/Valley Wire)\nMay 2, 2023\nShops reopened on the river road this week, traders said.';
    expect(found(story)).toMatchObject({ date: '2023-05-02', kind: 'date-only' });
  });
});

describe('scanHead markers (the boilerplate date lines)', () => {
  it('lists markers, stamps and date-only lines, but not wire datelines', () => {
    const text = 'Updated 13 November 2016\nPublished 12 November 2016\n\nBody.';
    expect(scanHead(text).markers.map((m) => text.slice(m.start, m.end))).toEqual(['Updated 13 November 2016', 'Published 12 November 2016']);
    expect(scanHead('BAGHDAD, Oct. 23, 2016 (Reuters) - Body.').markers).toEqual([]);
  });
});

describe('wireDateline', () => {
  it('reads place, region, date and agency', () => {
    expect(wireDateline('JOHANNESBURG, August 7 (Xinhua) --')).toMatchObject({ date: { month: 8, day: 7, year: null }, agency: 'Xinhua' });
    expect(wireDateline('DAR ES SALAAM, Tanzania (AP) _')).toEqual({ date: null, agency: 'AP' });
    expect(wireDateline('WASHINGTON — Officials said')).toEqual({ date: null, agency: null });
    expect(wireDateline('Mosul, Iraq (CNN)Iraqi forces')).toEqual({ date: null, agency: 'CNN' });
    expect(wireDateline('Mosul (Iraq) (AFP) - Iraqi forces')).toEqual({ date: null, agency: 'AFP' });
  });
  it('does not read ordinary sentences or headlines as datelines', () => {
    expect(wireDateline('Iraqi forces advanced on Saturday, officials said.')).toBeNull();
    expect(wireDateline('ISIS, which seized the city in 2014, is dug in.')).toBeNull();
    expect(wireDateline('IRAQI FORCES ENTER MOSUL')).toBeNull();
    expect(wireDateline('Baghdad, the capital, was quiet.')).toBeNull();
  });
});

describe('inferYear', () => {
  it('needs all evidence to agree on one year', () => {
    expect(inferYear({ month: 10, day: 23 }, '© 2016 Wire', null)).toBe(2016);
    expect(inferYear({ month: 10, day: 23 }, 'Copyright 2015-2016 Wire', null)).toBe(2016);
    expect(inferYear({ month: 10, day: 23 }, '© 2016 Wire. Seen on Oct. 23, 2015.', null)).toBeNull();
    expect(inferYear({ month: 10, day: 23 }, 'nothing here', 'https://x.example/2016/11/02/y')).toBeNull();
    expect(inferYear({ month: 10, day: 23 }, 'nothing here', null)).toBeNull();
  });
});
