import { describe, expect, it } from 'vitest';
import { independentOutlets } from './input.js';
import { agencyKey, sameStory, textPrint, wireCredit } from './wire.js';

const STORY = [
  'Fighters loyal to the river council shelled the market town of Eastford before dawn on Tuesday, killing',
  'at least nine traders and wounding more than twenty, a hospital director told reporters by telephone.',
  'The council did not answer requests for comment. Residents said the shelling lasted two hours and that',
  'many families had already left for the hills after a week of clashes along the northern road, where the',
  'army and the council have traded fire since the harvest began.',
].join(' ');

describe('wire credit', () => {
  it('reads the agency of a dateline, an outlet name, a byline or a credit line', () => {
    expect(wireCredit(`EASTFORD, March 3 (Reuters) - ${STORY}`, 'Valley Times')).toBe('reuters');
    expect(wireCredit(STORY, 'Valley Times (AFP)')).toBe('afp');
    expect(wireCredit(STORY, 'Agence France-Presse')).toBe('afp');
    expect(wireCredit(`By Jane Roe with AFP\n${STORY}`, 'Hill Post')).toBe('afp');
    expect(wireCredit(`${STORY}\n(Xinhua)`, 'Hill Post')).toBe('xinhua');
    expect(wireCredit(`(Feed- IANS) Eastford, March 3 (IANS) ${STORY}`, 'Hill Post')).toBe('ians');
    expect(wireCredit(`EASTFORD, Westland (AP) — ${STORY}`, null)).toBe('ap');
  });

  it('takes no photo credit, caption or quotation for the story’s author', () => {
    expect(wireCredit(`Smoke over the market on Tuesday. (AP Photo/Jane Roe)\n${STORY}`, 'Hill Post')).toBeNull();
    expect(wireCredit(`Image: Jane Roe/AFP\n${STORY}`, 'Hill Post')).toBeNull();
    expect(wireCredit(`Traders fled the market of the town on Tuesday morning. (AP)\n${STORY}`, 'Hill Post')).toBeNull();
    expect(wireCredit(`${STORY} "We lost everything," one trader told AFP.`, 'Hill Post')).toBeNull();
    expect(wireCredit(STORY, 'Hill Post')).toBeNull();
  });

  it('knows agencies by their names and short names only', () => {
    expect(agencyKey('The Associated Press')).toBe('ap');
    expect(agencyKey('Agence France Presse')).toBe('afp');
    expect(agencyKey('Hill Post')).toBeNull();
  });
});

describe('text print', () => {
  it('matches copies of one story with their own headline and trims, not two stories of one event', () => {
    const a = textPrint(`Nine killed in Eastford market shelling\n${STORY}\nRead more: regional news`);
    const b = textPrint(`Shelling hits Eastford\nShare this article\n${STORY.slice(0, STORY.lastIndexOf('Residents'))}`);
    const other = textPrint(
      'Nine traders died when shells fell on the Eastford market early on Tuesday, according to the director of the hospital, who said more than twenty people were hurt. The river council has been fighting the army along the northern road for a week, and many families have left for the hills; nobody from the council could be reached.',
    );
    expect(a!.length).toBeGreaterThan(3);
    expect(sameStory(a, b)).toBe(true);
    expect(sameStory(a, other)).toBe(false);
    expect(textPrint('Too short to compare.')).toBeNull();
    expect(sameStory(null, a)).toBe(false);
  });
});

describe('independent outlets', () => {
  it('counts one wire story on several sites once, whether told by its credit or by its text', () => {
    const pa = textPrint(STORY);
    expect(independentOutlets([
      { outlet: 'Valley Times', wire: 'afp' },
      { outlet: 'Hill Post', wire: 'afp' },
      { outlet: 'Coast Radio' },
    ])).toBe(2);
    expect(independentOutlets([
      { outlet: 'Valley Times', print: pa },
      { outlet: 'Hill Post', print: textPrint(`Headline of the site\n${STORY}`) },
    ])).toBe(1);
    // A site's own reporting is its own; its copy of an agency story is the agency's.
    expect(independentOutlets([
      { outlet: 'Valley Times', wire: 'reuters' },
      { outlet: 'Valley Times' },
      { outlet: 'Reuters' , wire: 'reuters' },
    ])).toBe(2);
  });
});

describe('syndication', () => {
  it('takes the outlet a portal names in its own name as the story’s origin', () => {
    expect(wireCredit(STORY, 'News Portal (The Valley Times)')).toBe('outlet:valley times');
    expect(independentOutlets([
      { outlet: 'News Portal (The Valley Times)', wire: wireCredit(STORY, 'News Portal (The Valley Times)') },
      { outlet: 'Other Portal (Valley Times)', wire: wireCredit(STORY, 'Other Portal (Valley Times)') },
    ])).toBe(1);
  });
});
