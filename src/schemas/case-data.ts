import { z } from 'astro/zod';
import { idSchema, sectors, trackKinds, units, yearSchema } from './common.ts';

/** A number with its unit, year and source: written once, shown in every language. */
export const figureSchema = z
  .object({
    id: idSchema,
    value: z.number(),
    /** The earlier value, when the figure is a change ("55.2% → 94.4%"). */
    from: z.number().optional(),
    unit: z.enum(units),
    /** Show large numbers short: 15 million rather than 15,000,000. */
    compact: z.boolean().default(false),
    /** Show a plus sign on positive values (+433%). */
    signed: z.boolean().default(false),
    year: yearSchema,
    /** The id of an entry under `sources:`. */
    source: z.string(),
  })
  .strict();

/** A dated step in the case's history. */
export const timelineEntrySchema = z
  .object({ id: idSchema, year: yearSchema, source: z.string().optional() })
  .strict();

/** One place where Seoul has taken this solution. */
export const trackRecordEntrySchema = z
  .object({
    id: idSchema,
    city: z.string().min(1),
    /** ISO 3166-1 alpha-2 code; the country's name is shown in the reader's language. */
    country: z.string().regex(/^[A-Z]{2}$/, 'use the two-letter ISO country code, e.g. `TH` for Thailand'),
    year: yearSchema,
    kind: z.enum(trackKinds),
    source: z.string(),
    /** Optional: marks an entry from a secondary source. */
    unverified: z.boolean().default(false),
  })
  .strict();

/** A chart drawn from figures of the same unit, one bar per figure, in the order given. */
export const chartSchema = z
  .object({ id: idSchema, figures: z.array(z.string()).min(2, 'a chart needs at least two figures to compare') })
  .strict();

/** A publication a figure or fact comes from. */
export const sourceSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    url: z.url('write a full address starting with https://').optional(),
  })
  .strict();

/**
 * The locale-neutral data of a case (`content/cases/{slug}/case.yaml`).
 * `image` checks the hero image: Astro's `image()` in the build, a path check in the content lint.
 */
export function caseDataSchema<I extends z.ZodType>(image: I) {
  return z
    .object({
      sector: z.enum(sectors),
      /** Where the case stands in lists and in the manual. */
      order: z.number().int().min(0),
      hero: z.object({ image, kind: z.enum(['photo', 'illustration']), credit: z.string().min(1) }).strict(),
      figures: z.array(figureSchema).min(5, 'a case needs at least five key figures, each with its source'),
      /** The figures shown at the top of the case page and on the brochure cover (default: the first six). */
      highlights: z.array(z.string()).max(6, 'choose at most six figures to highlight').optional(),
      timeline: z.array(timelineEntrySchema).min(1, 'a case needs a timeline: add at least one dated step'),
      charts: z.array(chartSchema).default([]),
      trackRecord: z.array(trackRecordEntrySchema).default([]),
      contact: z
        .object({
          email: z.email('write a full e-mail address, e.g. international@seoul.go.kr'),
          phone: z.string().optional(),
          url: z.url('write a full address starting with https://').optional(),
        })
        .strict(),
      related: z.array(z.string()).default([]),
      sources: z.array(sourceSchema).min(1),
    })
    .strict()
    .superRefine((data, ctx) => {
      const sourceIds = new Set(data.sources.map((s) => s.id));
      const known = [...sourceIds].join(', ');
      const check = (list: ReadonlyArray<{ source?: string | undefined }>, field: string) =>
        list.forEach((item, i) => {
          if (item.source !== undefined && !sourceIds.has(item.source)) {
            ctx.addIssue({
              code: 'custom',
              path: [field, i, 'source'],
              message: `"${item.source}" is not listed under \`sources:\` (known: ${known}). Add it there or fix the id`,
            });
          }
        });
      check(data.figures, 'figures');
      const figureIds = new Set(data.figures.map((f) => f.id));
      data.charts.forEach((chart, c) => {
        const units = new Set<string>();
        chart.figures.forEach((id, i) => {
          const figure = data.figures.find((f) => f.id === id);
          if (!figure) ctx.addIssue({ code: 'custom', path: ['charts', c, 'figures', i], message: `"${id}" is not a figure id under \`figures:\`` });
          else units.add(figure.unit);
        });
        if (units.size > 1) ctx.addIssue({ code: 'custom', path: ['charts', c, 'figures'], message: `mixes units (${[...units].join(', ')}); chart figures of one unit only` });
      });
      data.highlights?.forEach((id, i) => {
        if (!figureIds.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['highlights', i], message: `"${id}" is not a figure id under \`figures:\`` });
        }
      });
      check(data.timeline, 'timeline');
      check(data.trackRecord, 'trackRecord');
      for (const field of ['figures', 'timeline', 'trackRecord', 'charts'] as const) {
        const seen = new Set<string>();
        data[field].forEach((item, i) => {
          if (seen.has(item.id)) {
            ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `"${item.id}" is used twice; ids must be unique` });
          }
          seen.add(item.id);
        });
      }
    });
}

/** The parsed data of a case. */
export type CaseData<I = unknown> = Omit<z.output<ReturnType<typeof caseDataSchema<z.ZodString>>>, 'hero'> & {
  hero: { image: I; kind: 'photo' | 'illustration'; credit: string };
};
/** A key figure as parsed. */
export type Figure = z.output<typeof figureSchema>;
/** A chart as parsed. */
export type Chart = z.output<typeof chartSchema>;
/** A track-record entry as parsed. */
export type TrackRecordEntry = z.output<typeof trackRecordEntrySchema>;
