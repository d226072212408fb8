/**
 * The bundled samples (examples/, what the README's first command ingests) end to end: the incidents two
 * outlets tell must come out as one event each, with both outlets. An events rule that changes how one
 * report codes its sides can silently undo cross-source merging; this is the test that notices.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { situationFromInputs } from './load.js';
import { reportFromDocs, type Report } from './model.js';

let r: Report;
beforeAll(async () => {
  const errors: string[] = [];
  const docs = await situationFromInputs(undefined, [path.resolve('examples')], (o, m) => errors.push(`${o}: ${m}`));
  expect(errors).toEqual([]);
  r = await reportFromDocs(docs);
});

describe('report over the bundled examples', () => {
  const at = (name: string) => r.events.filter((e) => e.location?.name === name);

  it('tells the recapture of Bartella once, from both outlets that report it', () => {
    const ev = at('Bartella').filter((e) => e.subType === 'Government regains territory');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.corroboration).toBe(2);
  });

  it('tells the attack on Kirkuk once, from both outlets that report it', () => {
    const ev = at('Kirkuk').filter((e) => e.type === 'Battles');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.corroboration).toBe(2);
  });
});
