import { z } from 'astro/zod';
import { idSchema, trackKinds } from './common.ts';
import { chartSchema, checkFiguresAndSources, factRefSchema, figureSchema, noFacts, sourceSchema, type Facts } from './case-data.ts';

/**
 * A headline count over the track record ("12 cities in 9 countries"): it counts the cities of the
 * entries of the kinds it names, and its words name those kinds through `{kinds}`.
 */
export const headlineCountSchema = z
  .object({
    id: idSchema,
    kinds: z.array(z.enum(trackKinds)).min(1, 'name the kinds of entry this count counts'),
  })
  .strict();

/** A headline count as parsed. */
export type HeadlineCount = z.output<typeof headlineCountSchema>;

/** Numbers a manual page shows (the home page's growth figures, for instance), with sources. */
export function pageDataSchema(facts: Facts = noFacts) {
  return z
    .object({
      figures: z.array(z.union([figureSchema, factRefSchema])).default([]),
      charts: z.array(chartSchema).default([]),
      /** Headline counts over the track record (the track-record page's map legend, the home strip). */
      counts: z.array(headlineCountSchema).default([]),
      sources: z.array(sourceSchema).default([]),
    })
    .strict()
    .superRefine((data, ctx) => checkFiguresAndSources(data, facts, ctx));
}
