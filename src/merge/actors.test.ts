import { describe, expect, it } from 'vitest';
import { aliasGroup, compatibleActor, compatibleSides, institution, sameActorName } from './actors.js';

describe('actor names', () => {
  it('knows the names of one group', () => {
    expect(sameActorName('ISIS', 'Islamic State (Iraq)')).toBe(true);
    expect(sameActorName('ISIS militants', 'Daesh')).toBe(true);
    expect(aliasGroup('IS')).toBe(aliasGroup('ISIL'));
  });

  it('tells different groups apart', () => {
    expect(sameActorName('ISIS', 'Taliban')).toBe(false);
    expect(sameActorName('Kurdish fighters', 'Islamic State')).toBe(false);
    expect(aliasGroup('Iraqi army')).toBe(-1);
  });

  it('folds demonyms and descriptive words', () => {
    expect(sameActorName('Iraqi forces', 'Military Forces of Iraq (2014-)')).toBe(true);
    expect(sameActorName('Afghan police', 'Police Forces of Afghanistan')).toBe(true);
    expect(sameActorName('Syrian rebels', 'Iraqi forces')).toBe(false);
  });

  it('treats state forces and civilians as compatible by type, armed groups only by name', () => {
    expect(compatibleActor({ name: 'security forces', inter: 1 }, { name: 'Iraqi Army', inter: 1 })).toBe(true);
    expect(compatibleActor({ name: 'villagers', inter: 7 }, { name: 'Civilians (Iraq)', inter: 7 })).toBe(true);
    expect(compatibleActor({ name: 'Taliban', inter: 2 }, { name: 'Islamic State', inter: 2 })).toBe(false);
    expect(compatibleActor(null, { name: 'Taliban', inter: 2 })).toBe(true);
  });

  it('accepts the sides either way round', () => {
    const army = { name: 'Iraqi Army', inter: 1 };
    const isis = { name: 'ISIS', inter: 2 };
    expect(compatibleSides(army, isis, isis, army)).toBe(true);
    expect(compatibleSides(army, isis, { name: 'Taliban', inter: 2 }, army)).toBe(false);
  });
});

describe('branches of the state', () => {
  it('tells police from army, and knows names without a branch', () => {
    expect(institution('Police Forces of Afghanistan')).toBe('police');
    expect(institution('Military Forces of Afghanistan (2014-)')).toBe('military');
    expect(institution('Government of Iraq')).toBeNull();
    expect(compatibleActor({ name: 'Police Forces of Iraq', inter: 1 }, { name: 'Iraqi Army', inter: 1 })).toBe(false);
  });
});
