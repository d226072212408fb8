/**
 * Hand-built documents for the report tests (in the project's own words): three outlets on an offensive,
 * with one event told by two of them, two contested figures, a town changing hands, and optionally a
 * hostile article whose every field tries to run script in the report. (Used by tests only.)
 */
import type { SituationDoc } from '../merge/input.js';
import { CIVILIANS, day, FixtureDoc, IRAQ_ARMY, ISIS, PLACES } from '../merge/fixtures.test-support.js';

export function scenario(): SituationDoc[] {
  const wire = new FixtureDoc(
    'wire-oct23',
    [
      'Iraqi troops retook Qaraqosh on Saturday after a week of street fighting, an army spokesman said.',
      'Up to 5,000 jihadist fighters remain in Mosul, an American commander said. Backers of the group put the number at 7,000.',
      'CNN could not verify reports that militants shot 12 villagers near Nimrud on Friday.',
    ].join('\n'),
    { published: '2016-10-23', outlet: 'Wire One', title: 'Troops take Christian town', url: 'https://example.org/wire/1' },
  )
    .place('Qaraqosh', PLACES.qaraqosh)
    .place('Mosul', PLACES.mosul)
    .place('Nimrud', PLACES.nimrud)
    .time('Saturday', 'DATE', '2016-10-22')
    .time('Friday', 'DATE', '2016-10-21')
    // Quantities carry the source the analysis attributes them to, as stored records do.
    .quantity('Up to 5,000 jihadist fighters', { high: 5000, what: 'jihadist fighters' }, 1, 'an American commander')
    .quantity('7,000', { best: 7000 }, 1, 'Backers of the group')
    .quantity('12 villagers', { best: 12, low: 12, high: 12, what: 'villagers' })
    .event('Iraqi troops retook Qaraqosh on Saturday after a week of street fighting', {
      type: 'Battles', subType: 'Government regains territory', date: day('2016-10-22'), location: PLACES.qaraqosh, actor1: IRAQ_ARMY, actor2: ISIS, sources: ['an army spokesman'],
    })
    .event('militants shot 12 villagers near Nimrud on Friday', {
      type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-21'), location: { ...PLACES.nimrud, precision: 2 }, actor1: ISIS, actor2: CIVILIANS,
      fatalities: { low: 12, best: 12, high: 12 }, certainty: 'unverified',
    });
  const paper = new FixtureDoc(
    'paper-oct24',
    'The army says it took back the town of Qaraqosh over the weekend; about 60 fighters died in the battle, a doctor said.',
    { published: '2016-10-24', outlet: 'Daily Paper' },
  )
    .place('Qaraqosh', PLACES.qaraqosh)
    .time('over the weekend', 'DATE', '2016-W42-WE')
    .quantity('about 60 fighters', { best: 60, approx: true, what: 'fighters' }, 1, 'a doctor')
    .event('it took back the town of Qaraqosh over the weekend', {
      type: 'Battles', subType: 'Government regains territory', date: day('2016-10-22', 2, '2016-10-23'), location: PLACES.qaraqosh, actor1: { name: 'Iraqi Army', inter: 1 }, actor2: ISIS,
      fatalities: { low: null, best: 60, high: null }, sources: ['The army'],
    });
  const radio = new FixtureDoc(
    'radio-nov12',
    'We hear from the World Health Organization that as many as 48,000 people have fled Mosul. Aid groups said more than 50,000 residents have been displaced from Mosul.\nThe UN reports that the group is killing civilians in Mosul.',
    { published: '2016-11-12', outlet: 'Radio Two' },
  )
    .place('Mosul', PLACES.mosul)
    .place('Mosul', PLACES.mosul, 2)
    .place('Mosul', PLACES.mosul, 3)
    .quantity('as many as 48,000 people', { high: 48000, what: 'people' }, 1, 'the World Health Organization')
    .quantity('more than 50,000 residents', { low: 50000, what: 'residents' }, 1, 'Aid groups')
    .event('the group is killing civilians in Mosul', {
      type: 'Violence against civilians', subType: 'Attack', date: day('2016-11-12', 2), location: PLACES.mosul, actor1: ISIS, actor2: CIVILIANS, sources: ['The UN'],
    });
  return [wire.build(), paper.build(), radio.build()];
}

export const HOSTILE_MARKERS = ['__pwned'];

/** An article whose text, title, URL, outlet, id and coded fields all try to run script in a report. */
export function hostileDoc(): SituationDoc {
  const text = [
    'Militants <script>window.__pwned = 1; alert(1)</script> attacked Mosul on Friday, officials said.',
    'A witness wrote <img src=x onerror="window.__pwned = 2"> and </script><script>window.__pwned = 3</script> online.',
    'Up to 300 <svg onload="window.__pwned=4"> fighters are in Mosul, a spokesman said. Others put the number at 900.',
    '<a href="javascript:window.__pwned=5">click</a> <iframe src="https://evil.example/x"></iframe> <link rel=stylesheet href="https://evil.example/s.css">',
  ].join('\n');
  return new FixtureDoc('"><img src=x onerror="window.__pwned=6">', text, {
    published: '2016-11-13',
    outlet: '"><script>window.__pwned=7</script>',
    title: '</title><script>window.__pwned=8</script>',
    url: 'javascript:window.__pwned=9',
  })
    .place('Mosul', PLACES.mosul)
    .place('Mosul', PLACES.mosul, 2)
    .time('Friday', 'DATE', '2016-11-11')
    .quantity('Up to 300 <svg onload="window.__pwned=4"> fighters', { high: 300, what: '<svg onload="window.__pwned=4"> fighters' }, 1, 'a spokesman')
    .quantity('900', { best: 900 }, 1, 'Others')
    .event('Militants <script>window.__pwned = 1; alert(1)</script> attacked Mosul on Friday', {
      type: 'Battles', subType: 'Armed clash', date: day('2016-11-11'), location: PLACES.mosul,
      actor1: { name: '<b onmouseover="window.__pwned=10">Militants</b>', inter: 2 }, actor2: IRAQ_ARMY, sources: ['officials'],
    })
    .build();
}
