import { z } from 'astro/zod';

/** A short lower-case id such as `users-2014`, used to tie words in MDX to numbers in data. */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens, e.g. `users-2014`');

/** A year (`2004`) or a span of years (`1990-2013`). */
export const yearSchema = z.union([
  z
    .number()
    .int()
    .min(1800, 'a year before 1800 is not one this manual reports: check the number')
    .max(2100, 'a year after 2100 is not one this manual reports: check the number'),
  z
    .string()
    .regex(/^\d{4}(?:-\d{4})?$/, 'write a year (2004) or a span (1990-2013)')
    .refine((span) => {
      const [from = 0, to = from] = span.split('-').map(Number);
      return from >= 1800 && to <= 2100 && from <= to;
    }, 'a span runs from an earlier year to a later one, between 1800 and 2100 (1990-2013)'),
]);

/** The sectors a case can belong to; their names are interface strings (`sector.<id>`). */
export const sectors = ['transport', 'digital', 'water', 'environment', 'economy', 'governance'] as const;
/** One of {@link sectors}. */
export type Sector = (typeof sectors)[number];

/** Units a figure can be in; each is formatted through `Intl` for the reader's locale. */
export const units = ['number', 'percent', 'krw', 'usd', 'km', 'km-per-hour', 'minute', 'year', 'm2', 'm3', 'ton', 'score', 'times'] as const;
/** One of {@link units}. */
export type Unit = (typeof units)[number];

/**
 * The kinds of work Seoul has done abroad, each meaning only what its evidence shows
 * (defined in docs/content-format.md); their names are interface strings (`kind.<id>`).
 */
export const trackKinds = ['export', 'consulting', 'oda', 'project', 'training', 'mou', 'study', 'bid'] as const;
/** One of {@link trackKinds}. */
export type TrackKind = (typeof trackKinds)[number];

/** A calendar date, `2004-06-30`, or a month `2004-06`, or a year `2004`. */
export const dateSchema = z.preprocess(
  // YAML readers turn an unquoted 2004-06-30 into a Date: take it back as the date written.
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
  z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'write a date as 2004-06-30, a month as 2004-06, or a year as 2004'),
);
