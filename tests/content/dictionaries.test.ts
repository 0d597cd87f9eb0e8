import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n/index.ts';
import { localeCodes } from '../../src/i18n/locales.ts';

const source = Object.keys(dictionaries.en).sort();

describe('interface dictionaries', () => {
  it('has every English key in Korean, and no other', () => {
    expect(Object.keys(dictionaries.ko).sort()).toEqual(source);
  });

  it.each(localeCodes)('uses only keys of the English dictionary in %s.json', (code) => {
    const extra = Object.keys(dictionaries[code]).filter((k) => !source.includes(k));
    expect(extra, `unknown keys in src/i18n/translations/${code}.json`).toEqual([]);
  });
});
