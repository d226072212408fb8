/**
 * Word lists the place recogniser consults, loaded once per process: person names that are also place
 * names, capitalised words that are rarely places, demonyms, and a check for ordinary English words
 * (wink-nlp's lexicon), which a single capitalised word must overcome to be read as a place.
 */
import { exactKey } from '../../gazetteer/fold.js';
import { readDemonyms, readWordList } from '../../gazetteer/sources.js';
import { winkLexemes } from '../../nlp/wink.js';

export interface Lexicon {
  /** Given names and surnames that are also place names (Jordan, Georgia, Washington). */
  personNames: Set<string>;
  /** Common given names (Michael, Linda) and surnames that are English words or places (Smith, Baker). */
  givenNames: Set<string>;
  surnames: Set<string>;
  notPlaces: Set<string>;
  /** Demonym key → ISO codes of the countries it points to. */
  demonyms: Map<string, string[]>;
}

let lexicon: Lexicon | null = null;

export function placeLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const demonyms = new Map<string, string[]>();
  for (const d of readDemonyms()) for (const f of d.forms) demonyms.set(exactKey(f), d.countries);
  lexicon = {
    personNames: new Set(readWordList('person-names.txt').map((w) => w.toLowerCase())),
    givenNames: new Set(readWordList('given-names.txt').map((w) => w.toLowerCase())),
    surnames: new Set(readWordList('surnames.txt').map((w) => w.toLowerCase())),
    notPlaces: new Set(readWordList('not-places.txt').map((w) => w.toLowerCase())),
    demonyms,
  };
  return lexicon;
}

let english: Set<string> | null = null;

/**
 * Whether a lower-case word is an ordinary English word: in wink's English lexicon (about 87,000
 * lexemes, WordNet-based, read once from the model package). Place names the lexicon knows ("texas")
 * still pass when the gazetteer says they are important places; this check only demands support for
 * the rest ("Hope", "Reading", "Police").
 */
export function isEnglishWord(word: string): boolean {
  if (!english) english = new Set(winkLexemes());
  return english.has(word.toLowerCase());
}
