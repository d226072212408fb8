import { describe, expect, it } from 'vitest';
import { reportFromDocs } from '../report/model.js';
import { hostileDoc, scenario } from '../report/scenario.test-support.js';
import { acledCountry, allAcledCountries } from './acled-countries.js';
import { ACLED_COLUMNS, acledCsv, disorderType, eventDay, interaction } from './acled-csv.js';
import { parseCsv } from './csv.js';

async function rows(docs = scenario()) {
  const text = acledCsv((await reportFromDocs(docs)).events, { timestamp: 1700000000 });
  const [header, ...body] = parseCsv(text);
  return { header: header!, body: body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

describe('ACLED CSV export', () => {
  it('has ACLED\'s columns in ACLED\'s order', async () => {
    // ACLED's 31, then sitrep's review status.
    expect((await rows()).header).toEqual([...ACLED_COLUMNS, 'reviewed']);
    expect(ACLED_COLUMNS).toHaveLength(31);
  });

  it('writes one row per merged event with ACLED\'s conventions', async () => {
    const { body } = (await rows());
    expect(body).toHaveLength(3);
    const battle = body.find((r) => r.sub_event_type === 'Government regains territory')!;
    expect(battle).toMatchObject({
      event_date: '2016-10-22',
      year: '2016',
      time_precision: '1',
      disorder_type: 'Political violence',
      event_type: 'Battles',
      actor1: 'Military Forces of Iraq (2014-)',
      inter1: '1',
      actor2: 'Islamic State (Iraq)',
      inter2: '2',
      interaction: '12',
      civilian_targeting: '',
      iso: '368',
      region: 'Middle East',
      country: 'Iraq',
      admin1: 'Nineveh',
      location: 'Qaraqosh',
      latitude: '36.271',
      longitude: '43.378',
      geo_precision: '1',
      source: 'Wire One; Daily Paper',
      fatalities: '60',
      timestamp: '1700000000',
    });
    expect(battle.event_id_cnty).toMatch(/^IRQ\d+$/);
    expect(battle.notes).toBe('Iraqi troops retook Qaraqosh on Saturday after a week of street fighting, an army spokesman said.');
    const killing = body.find((r) => r.event_type === 'Violence against civilians' && r.location === 'Nimrud')!;
    expect(killing).toMatchObject({ civilian_targeting: 'Civilian targeting', interaction: '27', geo_precision: '2', tags: 'unverified' });
    const noToll = body.find((r) => r.location === 'Mosul')!;
    expect(noToll.fatalities).toBe('0');
  });

  it('gives each event the same id in every export', async () => {
    expect((await rows()).body.map((r) => r.event_id_cnty)).toEqual((await rows()).body.map((r) => r.event_id_cnty));
  });

  it('keeps hostile text as data in quoted fields', async () => {
    const { body } = (await rows([hostileDoc()]));
    expect(body).toHaveLength(1);
    expect(body[0]!.notes).toContain('<script>window.__pwned = 1; alert(1)</script>');
    expect(body[0]!.source.startsWith("'") || body[0]!.source.startsWith('"')).toBe(true);
  });
});

describe('ACLED codes', () => {
  it('pairs actor types lower first, and codes single-actor events N0', () => {
    expect(interaction(2, 1)).toBe(12);
    expect(interaction(7, 2)).toBe(27);
    expect(interaction(6, null)).toBe(60);
    expect(interaction(null, null)).toBeNull();
  });

  it('gives disorder types', () => {
    expect(disorderType('Protests', 'Peaceful protest')).toBe('Demonstrations');
    expect(disorderType('Riots', 'Mob violence')).toBe('Political violence');
    expect(disorderType('Violence against civilians', 'Excessive force against protesters')).toBe('Political violence; Demonstrations');
    expect(disorderType('Strategic developments', 'Arrests')).toBe('Strategic developments');
  });

  it('writes an interval as its middle day', () => {
    expect(eventDay({ start: '2016-10-22', end: '2016-10-23', precision: 2 })).toBe('2016-10-22');
    expect(eventDay({ start: '2016-10-17', end: '2016-10-23', precision: 2 })).toBe('2016-10-20');
    expect(eventDay(null)).toBeNull();
  });

  it('knows countries by their ISO codes and ACLED names', () => {
    expect(acledCountry('af')).toMatchObject({ alpha3: 'AFG', iso: 4, name: 'Afghanistan', region: 'South Asia' });
    expect(acledCountry('CD')?.name).toBe('Democratic Republic of Congo');
    expect(acledCountry('ZZ')).toBeNull();
    const all = allAcledCountries();
    expect(new Set(all.map((c) => c.alpha3)).size).toBe(all.length);
  });
});
