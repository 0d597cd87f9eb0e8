import { getCollection } from 'astro:content';
import type { LocaleCode } from '../i18n/locales.ts';
import type { TrackRecordEntry } from '../schemas/case-data.ts';
import type { HeadlineCount } from '../schemas/page-data.ts';
import { countHeadlines } from './headline-counts.ts';
import { useTranslations } from '../i18n/index.ts';
import { getCases, getPage, label } from './content.ts';

/** A track-record entry with the case it belongs to, as one row of the whole record. */
export interface TrackRecordRow extends TrackRecordEntry {
  slug: string;
  caseTitle: string;
  /** The language `caseTitle` and `what` are written in. */
  lang: LocaleCode;
  what: string | undefined;
}

/** Sorts by first year; undated entries last. */
const startYear = (year: number | string | undefined) => (year === undefined ? Infinity : Number(String(year).slice(0, 4)));

/** Every place Seoul has taken a solution, from every case's data, oldest first, undated last. */
export async function trackRecord(locale: LocaleCode): Promise<TrackRecordRow[]> {
  const rows = (await getCases(locale)).flatMap((view) =>
    view.data.trackRecord.map((entry) => ({
      ...entry,
      slug: view.slug,
      caseTitle: view.entry.data.title,
      lang: view.lang,
      what: label(view.chain, 'trackRecord', entry.id),
    })),
  );
  return rows.sort((a, b) => startYear(a.year) - startYear(b.year) || a.city.localeCompare(b.city));
}

/** Map coordinates of the cities in `content/places.yaml`, by city name. */
export async function places(): Promise<Map<string, { lat: number; lon: number }>> {
  return new Map((await getCollection('places')).map((p) => [p.id, p.data]));
}

/** A city on the world map: where it is, how many entries it has, and how they stand. */
/** The id of a city's first row in the track record table, which its map marker links to. */
export function cityAnchor(city: string): string {
  return `city-${city.trim().replace(/\s+/g, '-')}`;
}

export interface MapCity {
  name: string;
  lat: number;
  lon: number;
  count: number;
  /** Index of the first headline count that counts this city (its colour), or -1. */
  group: number;
  /** Every entry of this city rests on a secondary source only. */
  unverified: boolean;
}

/**
 * What the world map draws from the record: each city with coordinates once, with its number of
 * entries, the headline count it falls under and whether it is confirmed, plus where Seoul is.
 */
export async function mapData(
  rows: readonly TrackRecordRow[],
  counts: readonly HeadlineCount[] = [],
): Promise<{ cities: MapCity[]; countries: number; seoul: { lat: number; lon: number } }> {
  const where = await places();
  const byCity = new Map<string, TrackRecordRow[]>();
  for (const r of rows) byCity.set(r.city, [...(byCity.get(r.city) ?? []), r]);
  const cities = [...byCity].flatMap(([name, entries]) => {
    const p = where.get(name);
    if (!p) return [];
    const confirmed = entries.filter((e) => !e.unverified);
    const group = counts.findIndex((c) => confirmed.some((e) => c.kinds.includes(e.kind)));
    return [{ name, count: entries.length, group, unverified: confirmed.length === 0, ...p }];
  });
  return { cities, countries: new Set(rows.map((r) => r.country)).size, seoul: where.get('Seoul') ?? { lat: 37.57, lon: 126.98 } };
}

/**
 * The whole record as the track-record page, the manual and the home strip show it: rows, the
 * headline counts in the reader's language (words from `content/pages/track-record/`), and the map.
 */
export async function trackRecordView(locale: LocaleCode) {
  const t = useTranslations(locale);
  const [rows, page] = await Promise.all([trackRecord(locale), getPage('track-record', locale)]);
  const headlines = countHeadlines(
    rows,
    page.data.counts,
    (id) => label(page.chain, 'counts', id),
    (kind) => t(`kind.${kind}`),
    locale,
  );
  const map = await mapData(rows, page.data.counts);
  return {
    rows,
    headlines,
    /** The language the headline words are in (a fallback page's may differ from `locale`). */
    headlinesLang: page.lang,
    map,
    mapProps: {
      title: t('track.mapTitle'),
      description: `${t('track.mapSummary', { entries: rows.length, cities: map.cities.length, countries: map.countries })} ${headlines.map((h) => h.text).join(' ')}`,
      cities: map.cities,
      seoul: map.seoul,
      legend: headlines.map((h) => h.text),
      unverifiedText: t('track.unverifiedLegend'),
      otherText: t('track.otherLegend'),
    },
  };
}
