import { getCollection } from 'astro:content';
import type { LocaleCode } from '../i18n/locales.ts';
import type { TrackRecordEntry } from '../schemas/case-data.ts';
import { getCases, label } from './content.ts';

/** A track-record entry with the case it belongs to, as one row of the whole record. */
export interface TrackRecordRow extends TrackRecordEntry {
  slug: string;
  caseTitle: string;
  /** The language `caseTitle` and `what` are written in. */
  lang: LocaleCode;
  what: string | undefined;
}

const startYear = (year: number | string) => Number(String(year).slice(0, 4));

/** Every place Seoul has taken a solution, from every case's data, oldest first. */
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

/** A city on the world map: where it is and how many projects it has. */
export interface MapCity {
  name: string;
  lat: number;
  lon: number;
  count: number;
}

/**
 * What the world map draws from the record: each city with coordinates once, with its number of
 * projects, plus the number of countries and where Seoul is.
 */
export async function mapData(rows: readonly TrackRecordRow[]): Promise<{ cities: MapCity[]; countries: number; seoul: { lat: number; lon: number } }> {
  const where = await places();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.city, (counts.get(r.city) ?? 0) + 1);
  const cities = [...counts].flatMap(([name, count]) => {
    const p = where.get(name);
    return p ? [{ name, count, ...p }] : [];
  });
  return { cities, countries: new Set(rows.map((r) => r.country)).size, seoul: where.get('Seoul') ?? { lat: 37.57, lon: 126.98 } };
}
