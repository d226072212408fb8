import { describe, expect, it } from 'vitest';
import { editDistance, exactKey, hashKey, isLatinName, looseKey, nameSimilarity, skeleton } from './fold.js';

describe('exactKey', () => {
  it('folds case, diacritics, apostrophes and punctuation', () => {
    expect(exactKey('Mūsá Qal‘ah')).toBe('musa qalah');
    expect(exactKey('Dowlatābād')).toBe('dowlatabad');
    expect(exactKey('Deir ez-Zor')).toBe('deir ez zor');
    expect(exactKey('U.S.')).toBe('u s');
    expect(exactKey('  Łódź  ')).toBe('lodz');
  });

  it('writes saint, mount and fort one way', () => {
    expect(exactKey('St. Petersburg')).toBe(exactKey('Saint Petersburg'));
    expect(exactKey('Mount Vernon')).toBe(exactKey('Mt. Vernon'));
    expect(exactKey('Fort Worth')).toBe(exactKey('Ft. Worth'));
  });

  it('keeps different names apart', () => {
    expect(exactKey('Paris')).not.toBe(exactKey('Parish'));
    expect(exactKey('Erbil')).not.toBe(exactKey('Irbil'));
    expect(exactKey('')).toBe('');
  });
});

describe('looseKey', () => {
  it('joins spellings of one transliterated name', () => {
    expect(looseKey('Al-Qayyarah')).toBe(looseKey('Qayyara'));
    expect(looseKey('Tal Kayf')).toBe(looseKey('Tallkayf'));
    expect(looseKey('Dawlat Abad')).toBe(looseKey('Dowlatābād'));
    expect(looseKey('Nahr-e Saraj')).toBe(looseKey('Nahr Saraj'));
    expect(looseKey('el-Fasher')).toBe(looseKey('Al Fasher'));
    expect(looseKey('Obe')).toBe(looseKey('Ōbêh'));
    expect(looseKey('Mosul')).toBe(looseKey('Mousul'));
    expect(looseKey('Qandahar')).toBe(looseKey('Kandahar'));
  });

  it('does not merge names that differ in more than spelling', () => {
    expect(looseKey('Mosul')).not.toBe(looseKey('Basra'));
    expect(looseKey('Tikrit')).not.toBe(looseKey('Tirkit'));
    expect(looseKey('Kirkuk')).not.toBe(looseKey('Kirk'));
  });

  it('keeps a lone particle rather than an empty key', () => {
    expect(looseKey('Ar')).not.toBe('');
  });
});

describe('skeleton and similarity', () => {
  it('compares consonants only', () => {
    expect(skeleton('Charbolak')).toBe(skeleton('Char Bolak'));
    expect(skeleton('Pul-e Khumri')).toBe(skeleton('Puli Khumri'));
    expect(skeleton('Herat')).not.toBe(skeleton('Kabul'));
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('herat', 'heart')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('scores similar names high and different ones low', () => {
    expect(nameSimilarity('Chahar Bolak', 'Charbolak')).toBeGreaterThan(0.75);
    expect(nameSimilarity('Kandahar', 'Kunduz')).toBeLessThan(0.6);
  });
});

describe('hashKey and isLatinName', () => {
  it('hashes deterministically to 32 bits', () => {
    expect(hashKey('mosul')).toBe(hashKey('mosul'));
    expect(hashKey('mosul')).not.toBe(hashKey('mosu'));
    expect(hashKey('mosul')).toBeLessThan(2 ** 32);
  });

  it('tells Latin-script names from others', () => {
    expect(isLatinName('Sant Julià de Lòria')).toBe(true);
    expect(isLatinName("Musa Qal'ah")).toBe(true);
    expect(isLatinName('الموصل')).toBe(false);
    expect(isLatinName('Москва')).toBe(false);
    expect(isLatinName('123')).toBe(false);
  });
});
