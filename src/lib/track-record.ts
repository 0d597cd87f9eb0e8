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
