import { it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from '../quantities/view.js';
import { findTriggers } from './triggers.js';
it('dbg', () => {
  for (const text of ['Journalists protest in several cities following the mysterious death of a colleague.', 'On May 20, truck drivers parked their trucks along the roads at entrances to Ouagadougou and protested against the nightly traffic ban.', 'A front staged sit-ins on 23 and 24 March in Porto-Novo to protest the project.']) {
    const toks = sentenceViews(prepared(text))[0]!.toks;
    console.log(toks.map((t) => `${t.text}/${t.pos}`).join(' '));
    console.log(findTriggers(toks).map((t) => `${t.kind}:${t.verbal}:${t.passive}:${t.rule}:${toks.slice(t.tokStart, t.tokEnd).map((x) => x.text).join(' ')}`));
  }
});
