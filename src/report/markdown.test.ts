import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';
import { reportFromDocs } from './model.js';
import { hostileDoc, scenario } from './scenario.test-support.js';

describe('the Markdown report', () => {
  it('has the sections of a situation report with the facts and their sources', async () => {
    const md = renderMarkdown((await reportFromDocs(scenario())));
    for (const h of ['# Situation report', '## Latest developments (2016-11-12)', '## Contested figures', '## Unverified and disputed claims', '## Events', '## Control of places', '## Places', '## Documents']) {
      expect(md).toContain(h);
    }
    expect(md).toContain('| ≤ 5,000 | Up to 5,000 jihadist fighters | an American commander | Wire One |');
    expect(md).toContain('| 7,000 | 7,000 | Backers of the group | Wire One |');
    expect(md).toMatch(/Government regains territory · Qaraqosh\*\* — Military Forces of Iraq \\\(2014-\\\) vs Islamic State \\\(Iraq\\\); fatalities 60; 2 outlets/);
    expect(md).toContain('**unverified**');
  });

  it('says so when there is nothing to report', async () => {
    const md = renderMarkdown((await reportFromDocs([])));
    expect(md).toContain('No events.');
    expect(md).toContain('The store holds no documents for this period.');
  });

  it('keeps article HTML and Markdown inert', async () => {
    const md = renderMarkdown((await reportFromDocs([hostileDoc()])));
    expect(md).not.toMatch(/<script|<img|<svg|<iframe|<a /i);
    expect(md).toContain('&lt;script&gt;window.\\_\\_pwned = 1; alert\\(1\\)&lt;/script&gt;');
  });
});
