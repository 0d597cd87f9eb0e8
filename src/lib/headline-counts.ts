import { localeInfo, type LocaleCode } from '../i18n/locales.ts';
import type { TrackRecordEntry } from '../schemas/case-data.ts';
import type { TrackKind } from '../schemas/common.ts';
import type { HeadlineCount } from '../schemas/page-data.ts';

/** A headline count as shown: the cities and countries of confirmed entries of its kinds. */
export interface CountedHeadline {
  id: string;
  kinds: readonly TrackKind[];
  cities: number;
  countries: number;
  /** The words, with `{kinds}`, `{cities}` and `{countries}` filled in. */
  text: string;
}

/**
 * Headline counts over the record. Each counts only entries of the kinds it names, and only those
 * resting on a primary source (`unverified` entries are shown, never counted).
 * @param words the count's words in the reader's language, with `{kinds}`, `{cities}`, `{countries}`
 * @param kindName the name of a kind in the reader's language
 */
export function countHeadlines(
  rows: readonly TrackRecordEntry[],
  counts: readonly HeadlineCount[],
  words: (id: string) => string | undefined,
  kindName: (kind: TrackKind) => string,
  locale: LocaleCode,
): CountedHeadline[] {
  const list = new Intl.ListFormat(localeInfo(locale).bcp47, { type: 'conjunction' });
  const number = new Intl.NumberFormat(localeInfo(locale).bcp47);
  return counts.map((count) => {
    const counted = rows.filter((r) => count.kinds.includes(r.kind) && !r.unverified);
    const cities = new Set(counted.map((r) => `${r.city} ${r.country}`)).size;
    const countries = new Set(counted.map((r) => r.country)).size;
    const template = words(count.id) ?? `{kinds}: {cities} / {countries}`;
    const text = template
      .replaceAll('{kinds}', list.format(count.kinds.map(kindName)))
      .replaceAll('{cities}', number.format(cities))
      .replaceAll('{countries}', number.format(countries));
    return { id: count.id, kinds: count.kinds, cities, countries, text };
  });
}
