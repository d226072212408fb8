import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { docPlaces } from './details.js';
import { places } from './index.js';
import { syntax } from '../../nlp/syntax/component.js';

// Texts written for these tests; the facts are public geography.
const run = (text: string) => {
  const doc = prepared(text, null, places);
  return { doc, list: doc.get('places'), info: docPlaces(doc)! };
};
const at = (list: ReturnType<typeof run>['list'], text: string, n = 1) => list.filter((p) => p.text === text)[n - 1];

describe('places: spelling variants', () => {
  it('reads Irbil, Erbil and Arbil as one city, within and across documents', () => {
    const one = run('Convoys left Irbil at dawn. By noon they were back in Erbil, and officials in Arbil said the road was open.');
    expectSpansMatch(one.doc.text, one.list);
    const ids = ['Irbil', 'Erbil', 'Arbil'].map((s) => at(one.list, s)?.geonameId);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).not.toBeNull();
    const other = run('Aid reached Arbil on Tuesday.');
    expect(at(other.list, 'Arbil')?.geonameId).toBe(ids[0]);
  });

  it('finds transliterated and curated names: Tal Kayf, Qaraqosh, Nimrud, Bartella', () => {
    const { doc, list } = run('Troops pushed from Bartella toward Qaraqosh, while others held Tal Kayf and the ruins of Nimrud.');
    expectSpansMatch(doc.text, list);
    expect(at(list, 'Tal Kayf')).toMatchObject({ country: 'IQ', kind: 'city' });
    expect(at(list, 'Qaraqosh')).toMatchObject({ country: 'IQ' });
    expect(at(list, 'Nimrud')).toMatchObject({ country: 'IQ', kind: 'feature', geonameId: null });
    expect(at(list, 'Bartella')).toMatchObject({ country: 'IQ', admin1: 'Nineveh' });
  });
});

describe('places: designators and containment', () => {
  it('reads "X province" as the province and "X city" as the city', () => {
    const { list } = run('Fighting spread across Kirkuk province, but Kirkuk city stayed calm.');
    expect(at(list, 'Kirkuk province')).toMatchObject({ kind: 'admin1', country: 'IQ' });
    expect(at(list, 'Kirkuk')).toMatchObject({ kind: 'city', country: 'IQ' });
  });

  it('reads a town inside the region named after it ("Springfield, Ill." vs "Springfield, Mo.")', () => {
    const il = run('The council met in Springfield, Ill., on Monday.');
    expect(at(il.list, 'Springfield')).toMatchObject({ country: 'US', admin1: 'Illinois' });
    expect(at(il.list, 'Ill.')).toMatchObject({ kind: 'admin1', name: 'Illinois' });
    const mo = run('The council met in Springfield, Mo., on Monday.');
    expect(at(mo.list, 'Springfield')).toMatchObject({ country: 'US', admin1: 'Missouri' });
  });

  it('lets the other places of a story decide between namesakes', () => {
    const tx = run('Police in Athens said the vandals struck twice. Henderson County deputies are helping.');
    expect(at(tx.list, 'Athens')).toMatchObject({ country: 'US', admin1: 'Texas' });
    const gr = run('Protesters marched in Athens on Sunday.');
    expect(at(gr.list, 'Athens')).toMatchObject({ country: 'GR' });
  });

  it('reads the district of "X district, Province" inside that province', () => {
    const { list } = run('Gunmen attacked a checkpoint in Dawlat Abad district, Balkh, on Friday.');
    const d = at(list, 'Dawlat Abad district') ?? at(list, 'Dawlat Abad');
    expect(d).toMatchObject({ country: 'AF', admin1: 'Balkh' });
    expect(at(list, 'Balkh')).toMatchObject({ kind: 'admin1' });
  });
});

describe('places: what is not a place mention', () => {
  it('keeps demonyms out of the layer but uses them as evidence', () => {
    const { list, info } = run('Iraqi and Kurdish forces advanced. Syrian refugees waited.');
    expect(list).toEqual([]);
    expect(info.focusCountry).toBe('IQ');
    const withTown = run('Iraqi forces entered the town of Hit at dawn.');
    expect(withTown.list.every((p) => p.text !== 'Iraqi')).toBe(true);
  });

  it('writes the country in ISO alpha-2 and common country names resolve', () => {
    const { list } = run('Officials in Syria, the Syrian Arab Republic as it calls itself, met envoys from the U.S. and Britain.');
    expect(at(list, 'Syria')).toMatchObject({ kind: 'country', country: 'SY' });
    expect(at(list, 'Syrian Arab Republic')).toMatchObject({ country: 'SY' });
    expect(at(list, 'U.S.')).toMatchObject({ country: 'US', admin1: null });
    expect(at(list, 'Britain')).toMatchObject({ country: 'GB' });
  });
});

describe('places: odd input never throws', () => {
  it.each([
    ['empty', ''],
    ['emoji', '🔥🔥 Mosul 🔥'],
    ['right-to-left', 'الموصل مدينة في العراق. Mosul is in Iraq.'],
    ['unbalanced quotes', '"Mosul said \u201cnothing'],
    ['one long word', 'Mosul'.repeat(2_000)],
    ['capitals only', 'BAGHDAD BAGHDAD BAGHDAD. ERBIL, IRAQ.'],
  ])('%s', (_name, text) => {
    const { doc, list } = run(text);
    expectSpansMatch(doc.text, list);
  });
});

describe('places: short notes and names from other languages', () => {
  it('keeps names with French, German and Dutch particles whole', () => {
    const { doc, list } = run('Gangs fought in Port-au-Prince on Monday; the mayor of Aix-en-Provence sent aid.');
    expectSpansMatch(doc.text, list);
    expect(at(list, 'Port-au-Prince')).toMatchObject({ country: 'HT', kind: 'city' });
    expect(at(list, 'Aix-en-Provence')).toMatchObject({ country: 'FR' });
    expect(list.some((p) => p.text === 'Port' || p.text === 'Prince')).toBe(false);
  });

  it('keeps the one place a note names after "near" when it names no country and nothing sure', () => {
    const { list } = run('A vehicle was hit near Qamishli on Monday.');
    expect(at(list, 'Qamishli')).toMatchObject({ country: 'SY' });
  });

  it('still drops a doubtful name no word calls a place', () => {
    // "Bath" is a town, but nothing here says so and no place is named to set it against.
    const { list } = run('The minister took a long bath on Monday.');
    expect(list).toEqual([]);
  });

  it('reads the Arabic article "Al-" before a designated name as part of a place, not the given name Al', () => {
    const { list, info } = run('The attack took place in Al-Hasakeh province.');
    expect(list[0]).toMatchObject({ country: 'SY', text: 'Al-Hasakeh province' });
    expect(info.dropped.some((d) => d.reason === 'person name')).toBe(false);
    // Al the given name still makes a person: "Al Gore" is no place even though Gore is a town.
    expect(run('Al Gore spoke on Monday.').list).toEqual([]);
  });
});

describe('places: international notes (actors, borders, lone towns)', () => {
  it('does not let an actor\'s nationality make a lone town "abroad" (rule elsewhere-needs-a-place)', () => {
    expect(at(run('Turkish drones struck a vehicle near Qamishli on Monday.').list, 'Qamishli')).toMatchObject({ country: 'SY' });
    expect(at(run('Fighting near Diffa forced thousands across the border into Nigeria.').list, 'Diffa')).toMatchObject({ country: 'NE' });
  });

  it('still drops a small place abroad in a story that reads towns of its own country (negative)', () => {
    const { list, info } = run('Police in Lubbock, Texas, said the Garowe man was held.');
    expect(at(list, 'Garowe')).toBeUndefined();
    expect(info.dropped.find((d) => d.text === 'Garowe')?.reason).toBe('a small place abroad in a story about elsewhere');
  });

  it('reads an alternate that only respells the main name as the main name', () => {
    const { list } = run('Rockets hit Kiryat Shmona; Israeli officials said Khan Younis was shelled.');
    expect(at(list, 'Kiryat Shmona')).toMatchObject({ country: 'IL' });
    expect(at(list, 'Khan Younis')).toMatchObject({ country: 'PS' });
  });

  it('keeps a doubtful name after "near" when only demonyms set the focus (rule actors-are-not-a-focus)', () => {
    expect(at(run('Armenian and Azerbaijani forces exchanged fire near Fuzuli.').list, 'Fuzuli')).toMatchObject({ country: 'AZ' });
  });

  it('keeps a sizeable town doubtful only for its spelling in a lone note (rule lone-town-of-size)', () => {
    const { list } = run('Ethiopian troops were deployed to Baydhabo and Garowe was calm.');
    expect(at(list, 'Garowe')).toMatchObject({ country: 'SO' });
    expect(at(list, 'Baydhabo')).toMatchObject({ country: 'SO' });
  });

  it('does not keep a small doubtful name with no cue in a lone note (negative of lone-town-of-size)', () => {
    expect(at(run('Ethiopian officials said Lachin was calm.').list, 'Lachin')).toBeUndefined();
  });

  it('does not measure "near" from the centre of a large region (rule regions-are-not-anchors)', () => {
    const { list } = run('Turkish jets struck PKK positions near Zakho, in Iraqi Kurdistan.');
    expect(at(list, 'Zakho')).toMatchObject({ country: 'IQ' });
  });

  it('takes a doubtful name right across a border from a sure place (rule across-the-border)', () => {
    const { list } = run('Hezbollah fired rockets at Metula; Israeli artillery shelled Khiam and Bint Jbeil.');
    expect(at(list, 'Metula')).toMatchObject({ country: 'IL' });
    expect(at(list, 'Khiam')).toMatchObject({ country: 'LB' });
  });

  it('still drops a doubtful foreign name far from the story\'s places (negative of across-the-border)', () => {
    expect(at(run('The Tikrit council met in Tikrit, Iraq, and praised Metula.').list, 'Metula')).toBeUndefined();
  });

  it('reads a name inside the divisions a parenthesis after it gives (rule parenthesised-divisions)', () => {
    const { list } = run('Gunmen attacked the town of Bedford (Jalingo, Taraba State) on Monday.');
    // No Bedford lies in Taraba: the English and American ones are refused, and the town is kept unresolved there.
    expect(list.filter((p) => p.text === 'Bedford' && !p.unresolved)).toEqual([]);
    expect(at(list, 'Bedford')).toMatchObject({ unresolved: true, country: 'NG' });
    // A parenthesis that agrees keeps the reading.
    expect(at(run('Police arrested two men in the town of Tralee (Kerry, Ireland) on Monday.').list, 'Tralee')).toMatchObject({ country: 'IE', kind: 'city' });
  });

  it('does not read the name of a people as a town that bears it (rule a-people-is-no-place)', () => {
    expect(at(run('Fulani herders killed two farmers near the village of Kessa.').list, 'Fulani')).toBeUndefined();
    expect(at(run('Gunmen burned the Fulani village of Kessa on Monday.').list, 'Fulani')).toBeUndefined();
    expect(run('Gunmen burned the Fulani village of Kessa on Monday.').info.dropped.map((d) => d.reason)).toContain('a people, not a place');
  });

  it('weighs a provincial capital above a small namesake abroad in a short note (rule capitals-weigh-more)', () => {
    const { list } = run('Gunmen raided the village of Tralee, outside of Jalingo, on Monday.');
    expect(at(list, 'Jalingo')).toMatchObject({ country: 'NG' });
    expect(at(list, 'Tralee')).toMatchObject({ unresolved: true, country: 'NG' });
  });

  it('finds towns from the curated supplement (Kabkabiya, Boni, Macomia, Bhasan Char)', () => {
    expect(at(run('Three aid workers were killed in Kabkabiya, in North Darfur.').list, 'Kabkabiya')).toMatchObject({ country: 'SD', geonameId: null });
    expect(at(run('French aircraft struck militants near Boni in central Mali.').list, 'Boni')).toMatchObject({ country: 'ML' });
    expect(at(run('Insurgents attacked Macomia district in Cabo Delgado.').list, 'Macomia district')).toMatchObject({ country: 'MZ' });
    expect(at(run("Refugees were relocated from Cox's Bazar to Bhasan Char.").list, 'Bhasan Char')).toMatchObject({ country: 'BD' });
  });
});

describe('places: streets and rivers the recogniser names (rule named-way-in-its-town)', () => {
  const withEntities = (text: string) => prepared(text, null, syntax, places).get('places');

  it('puts a road the gazetteer lacks at the town named beside it', () => {
    const list = withEntities('Crews repaired a water main on Marlow Road in Springfield, Illinois, on Tuesday.');
    expect(list.map((p) => p.text)).toEqual(['Marlow Road', 'Springfield', 'Illinois']);
    const road = list[0]!;
    const town = list[1]!;
    expect(road).toMatchObject({ kind: 'feature', geonameId: null, name: 'Marlow Road', country: 'US', lat: town.lat, lon: town.lon });
  });

  it('gives a road no place when the story names no town or county', () => {
    expect(withEntities('Crews repaired a water main on Marlow Road on Tuesday.').map((p) => p.text)).toEqual([]);
  });
});
