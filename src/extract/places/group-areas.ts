/**
 * Where a named armed group operates, for the places layer: rule "group-home-country" reads a group's name
 * as weak evidence of the country a story's towns are in. A group active in several countries (JNIM in
 * Mali, Burkina Faso, Niger, Benin and Togo) has no one home: it points to all of them at once, so that
 * the place names, not the group, decide the country. The list is data/actors/areas-of-operation.tsv (a
 * .tsv, so the actor lexicon, which reads the folder's .txt files, leaves it alone).
 */
import { readFileSync } from 'node:fs';

const FILE = new URL('../../../data/actors/areas-of-operation.tsv', import.meta.url);

let areas: Map<string, string[]> | null = null;

/** Parse the file's lines: `actor | countries | source`, comments after '#'. */
export function parseAreas(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [actor, countries] = line.split(' | ').map((c) => c.trim());
    if (!actor || !countries) throw new Error(`areas-of-operation.tsv: bad line '${line}'`);
    const codes = countries.split(/\s+/);
    if (!codes.every((c) => /^[A-Z]{2}$/.test(c))) throw new Error(`areas-of-operation.tsv: bad country codes in '${line}'`);
    out.set(actor, codes);
  }
  return out;
}

/** The countries a group's name points to: its areas of operation if listed, else its one home country. */
export function groupCountries(actor: string, home: string): string[] {
  areas ??= parseAreas(readFileSync(FILE, 'utf8'));
  return areas.get(actor) ?? [home];
}
