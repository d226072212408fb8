import { describe, expect, it } from 'vitest';
import type { BoilerplateKind } from '../core/layers.js';
import { expectSpansMatch } from '../test-support/spans.js';
import { prepared } from '../test-support/doc.js';
import { findBoilerplate } from './boilerplate.js';
import { classifyLine } from './boilerplate-rules.js';

const CASES: [BoilerplateKind, string[], string[]][] = [
  [
    'comment-prompt',
    ['What do you think? Leave a respectful comment.', 'What do you think? Tell us in the comments below.', 'Leave a comment', 'View 12 comments', 'Comments (4)', '12 Comments', 'Join the conversation', 'Comments are closed.', 'Show comments'],
    ['The ministry declined to comment.', 'What do you think happened to them, she asked the officer at the gate.', 'Officials would not comment on the report, which was leaked on Sunday.', 'Leave a comment on the situation was all the governor would say to reporters.'],
  ],
  [
    'transcript-link',
    ['Read the Full Transcript', 'Full transcript', 'Transcript', 'Show transcript', 'Download transcript (PDF)'],
    ['The transcript of the call was released on Friday.', 'Read the transcript of the interrogation, the judge ordered the clerk.'],
  ],
  [
    'media-link',
    ['Listen to this Segment', 'Watch the full interview', 'Watch video', 'Listen', 'Video: Iraqi troops enter Bartella', 'Watch: Smoke over Qayyara', '02:45'],
    ['Listen to the people of Mosul, the bishop told the crowd.', 'Watch out for mines, soldiers warned returning families.', 'Video footage showed smoke rising over the city.'],
  ],
  [
    'share-prompt',
    ['Share', 'Share this article', 'Share on Facebook', 'Facebook Twitter Email', 'Facebook | Twitter | WhatsApp', 'Tweet', 'Print'],
    ['Share prices fell 3% on Monday.', 'Share the road, police urged drivers near the checkpoint.', 'Facebook said it had removed the videos.'],
  ],
  [
    'subscribe-prompt',
    ['Sign up for our newsletter', 'Get the latest updates in your inbox', 'Subscribe now', 'Sign up for breaking news alerts', 'Already a subscriber? Log in'],
    ['More than 2,000 people subscribe to the militia channel, a researcher said.', 'Get out now, residents were told by loudspeakers.', 'Sign up sheets for volunteers were posted on the mosque door, residents said, and alerts went out.'],
  ],
  [
    'byline',
    ['By Jane Roe', 'By Jane Roe and John Doe, CNN', 'By JANE ROE', 'By the Associated Press', 'By Ahmed al-Rubaie, Special Correspondent', 'By Tomas Brandt, Meridian News', '(Reporting by Jane Roe in Erbil; Editing by John Doe)', 'Written by Sara Mahmoud | Oct 23, 2016'],
    ['By Tuesday the army had reached the outskirts.', 'By then it was over', 'By nightfall, fighting had stopped.', 'By Monday Evening', 'By car and on foot, families kept arriving at the camp.'],
  ],
  [
    'photo-credit',
    ['Photo: Jane Roe/Agency', 'Credit: Test News', 'A man walks past rubble in Bartella. (AP Photo/Jane Roe)', 'Smoke rises over Qayyara. Jane Roe/AFP via Getty Images', 'Families queue for water. Photo: Plains Herald', 'Getty Images',
      // captions as long as the sentences they are, ending with their credit
      'Volunteers carry sacks of flour into a school used as a shelter in the eastern part of the city, where thousands of families arrived after the fighting of last week, on March 3, 2024. (AP Photo/Jane Roe)',
      'Workers clear the rubble of a market that was hit by a rocket the previous evening, in the centre of the town, on May 2, 2022. / AFP',
      'Mourners carry the coffins of two teachers through the streets of the town. (AP)',
      'Pilgrims light candles at the memorial in the capital on April 7, 2019. [Photo/Agency] |',
      'Displaced families wait for food at a camp outside the townImage source, Test News',
      'Image caption,'],
    ['The photo showed the damage to the church, residents said.', 'A photographer for the agency was wounded on Tuesday.', 'Reporters were shown a photo: it showed the mass grave near the college.',
      'Gunmen killed four people in the town on Monday, officials told the AP.', 'The caption under the photo was wrong, the agency said.'],
  ],
  [
    'copyright',
    ['© 2016 Reuters', 'Copyright 2016 The Associated Press. All rights reserved.', 'All rights reserved.', '(c) 2016 Test News'],
    ['Copyright laws in Iraq changed in 2015, officials said.'],
  ],
  ['advertisement', ['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Sponsored content', 'Skip Ad'], ['Advertisements for the rally were posted across the city.']],
  [
    'related-link',
    ['Related: Iraqi forces retake Bartella', 'Read more: Troops enter eastern Mosul', 'READ MORE', 'See also: The battle for Mosul', 'Most read', 'More: Peshmerga close in on Bashiqa', 'Related stories'],
    ['Related talks between the two sides collapsed in 2014.', 'More than 900 militants were killed, the ministry said.', 'Read more than 200 pages of the report, the lawyer urged.'],
  ],
  [
    'cookie-notice',
    ['We use cookies to improve your experience. By continuing you agree to our policy.', 'Accept all cookies', 'Cookie settings', 'This website uses cookies to analyse traffic.'],
    ['Accept the ceasefire terms, the commander told the militants by radio.', 'The cookies were handed out at the camp by volunteers.'],
  ],
  ['navigation', ['Skip to main content', 'Back to top', 'Home > News > Iraq', 'Menu'], ['Home to some 50,000 people, the town was emptied in 2014.']],
  [
    'date-line',
    ['Published 12 November 2016', 'Updated: 10:32 AM ET, Sun October 23, 2016', 'Posted 3 hours ago', 'Last updated on Nov. 13, 2016'],
    ['Updated figures showed that 48,000 people had fled, the UN said.', 'Published reports said the town had fallen.'],
  ],
];

describe('boilerplate line rules', () => {
  for (const [kind, positives, negatives] of CASES) {
    it(`${kind}: recognises the furniture`, () => {
      for (const line of positives) expect(classifyLine(line), line).toBe(kind);
    });
    it(`${kind}: leaves real sentences alone`, () => {
      for (const line of negatives) expect(classifyLine(line), line).toBeNull();
    });
  }

  it('ignores overlong lines and empty ones', () => {
    expect(classifyLine('')).toBeNull();
    expect(classifyLine('Share ' + 'x'.repeat(500))).toBeNull();
  });
});

describe('findBoilerplate', () => {
  it('returns trimmed whole-line spans in order, offsets on the text', () => {
    const text = 'What do you think? Leave a respectful comment.\n\n  Iraqi forces advanced.  \r\n\tRead the Full Transcript  \nTroops said more.\n\nListen to this Segment';
    const found = findBoilerplate(text).map((b) => ({ ...b, text: text.slice(b.start, b.end) }));
    expectSpansMatch(text, found);
    expect(found.map((b) => [b.kind, b.text])).toEqual([
      ['comment-prompt', 'What do you think? Leave a respectful comment.'],
      ['transcript-link', 'Read the Full Transcript'],
      ['media-link', 'Listen to this Segment'],
    ]);
  });

  it('marks the date marker at the top as date-line, even when it shares the line with prose', () => {
    const text = ' date 2016-10-23 Around 30,000 troops are taking part, officials said.';
    const found = findBoilerplate(text);
    expect(found).toEqual([{ start: 1, end: 16, kind: 'date-line' }]);
  });

  it('marks a stamp and a date-only line, but not a wire dateline', () => {
    const a = 'March 22, 2013\n\nGunmen attacked a checkpoint.';
    expect(findBoilerplate(a).map((b) => [b.kind, a.slice(b.start, b.end)])).toEqual([['date-line', 'March 22, 2013']]);
    const b = 'BAGHDAD, Oct. 23, 2016 (Reuters) - Iraqi forces advanced, officials said.';
    expect(findBoilerplate(b)).toEqual([]);
  });

  it('marks the caption after a caption label, and neither dates nor tells the story', () => {
    const text = 'Militia attack kills six in village\nImage caption,\nFighters pictured in a video released in 2019\n\nGunmen killed six villagers on Saturday, a local leader said.';
    const found = findBoilerplate(text).map((b) => [b.kind, text.slice(b.start, b.end)]);
    expect(found).toEqual([['photo-credit', 'Image caption,'], ['photo-credit', 'Fighters pictured in a video released in 2019']]);
  });

  it('never throws and keeps offsets on odd text', () => {
    for (const t of ['', '\n\n\n', '😀\u2028Share\u2029x', 'ש'.repeat(10_000), '"'.repeat(300), 'Share\r\rShare\r\n']) {
      const found = findBoilerplate(t);
      expectSpansMatch(t, found);
    }
  });

  it('gives sentences wholly inside boilerplate the kind "boilerplate", and only those', () => {
    const text = 'Share this article\n\nIraqi troops retook Bartella on Thursday, officers said.\n\nAdvertisement';
    const doc = prepared(text);
    const kinds = doc.get('sentences').map((s) => [doc.slice(s), s.kind]);
    expect(kinds).toEqual([
      ['Share this article', 'boilerplate'],
      ['Iraqi troops retook Bartella on Thursday, officers said.', 'text'],
      ['Advertisement', 'boilerplate'],
    ]);
  });
});
