import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n/index.ts';
import { localeCodes } from '../../src/i18n/locales.ts';

const pluralForms = /_(zero|one|two|few|many|other)$/;
const source = Object.keys(dictionaries.en);
const singular = source.filter((k) => !pluralForms.test(k));
const pluralBases = new Set(source.filter((k) => pluralForms.test(k)).map((k) => k.replace(pluralForms, '')));

describe.each(localeCodes)('src/i18n/translations/%s.json', (code) => {
  const keys = Object.keys(dictionaries[code]);

  it('has every interface string of the English dictionary', () => {
    expect(singular.filter((k) => !keys.includes(k))).toEqual([]);
    for (const base of pluralBases) expect(keys.some((k) => k.startsWith(`${base}_`)), `plural forms of ${base}`).toBe(true);
  });

  it('has no key the English dictionary lacks (a misspelt key would never show)', () => {
    expect(keys.filter((k) => !source.includes(k) && !pluralBases.has(k.replace(pluralForms, '')))).toEqual([]);
  });

  it('keeps every {{placeholder}} of the English string', () => {
    for (const key of singular) {
      const wanted = (dictionaries.en[key as keyof typeof dictionaries.en] ?? '').match(/{{\w+}}/g) ?? [];
      const own = dictionaries[code][key as keyof typeof dictionaries.en] ?? '';
      for (const p of wanted) expect(own, `${key} in ${code}.json`).toContain(p);
    }
  });
});
