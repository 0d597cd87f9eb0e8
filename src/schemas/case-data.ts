import { z } from 'astro/zod';
import { dateSchema, idSchema, sectors, trackKinds, units, yearSchema } from './common.ts';

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
  .strict()
  .superRefine((f, ctx) => {
    for (const [field, value] of [
      ['value', f.value],
      ['from', f.from],
    ] as const) {
      if (value === undefined) continue;
      if (!Number.isFinite(value)) ctx.addIssue({ code: 'custom', path: [field], message: 'write a finite number' });
      else if (f.unit === 'percent' && !f.signed && (value < 0 || value > 100)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `a share is between 0 and 100 (%), not ${value}. For a change, such as growth, add \`signed: true\` and say so in the label`,
        });
      } else if (!f.signed && value < 0) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `cannot be negative (${value} ${f.unit}). For a change, add \`signed: true\` and say so in the label`,
        });
      } else if (f.unit === 'times' && value <= 0) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'a multiple is greater than 0 (4.3 for "4.3 times")' });
      }
    }
  });

/** A figure defined once for the whole manual in `content/facts.yaml`, used here by its id. */
export const factRefSchema = z.object({ fact: idSchema }).strict();

/** A dated step in the case's history. */
export const timelineEntrySchema = z
  .object({
    id: idSchema,
    year: yearSchema,
    /** The source does not state the year; it is inferred, and readers see "c. 2013". */
    yearInferred: z.boolean().default(false),
    source: z.string().optional(),
  })
  .strict();

/** One place where Seoul has taken this solution. */
export const trackRecordEntrySchema = z
  .object({
    id: idSchema,
    city: z.string().min(1),
    /** ISO 3166-1 alpha-2 code; the country's name is shown in the reader's language. */
    country: z.string().regex(/^[A-Z]{2}$/, 'use the two-letter ISO country code, e.g. `TH` for Thailand'),
    /** Left out when no source dates the work: the entry is shown as undated. */
    year: yearSchema.optional(),
    /** The source does not state the year; it is inferred, and readers see "c. 2013". */
    yearInferred: z.boolean().default(false),
    kind: z.enum(trackKinds, { error: `use one of the defined kinds: ${trackKinds.join(', ')} (docs/content-format.md says what each may claim)` }),
    source: z.string(),
    /** Rests on a secondary source or is not confirmed: marked in the table and on the map. */
    unverified: z.boolean().default(false),
  })
  .strict()
  .refine((e) => !(e.yearInferred && e.year === undefined), {
    path: ['yearInferred'],
    message: 'an undated entry cannot have an inferred year: give the year or remove yearInferred',
  });

/** A chart drawn from figures of the same unit, one bar per figure, in the order given. */
export const chartSchema = z.object({ id: idSchema, figures: z.array(z.string()).min(2, 'a chart needs at least two figures to compare') }).strict();

/** A publication a figure or fact comes from: enough for a reader to find it. */
export const sourceSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    /** Who published it (an agency, a newspaper, a research institute). */
    publisher: z.string({ error: 'name who published it (agency, newspaper, institute) so a reader can trace it' }).min(2),
    /** When it was published: 2004-06-30, 2004-06 or 2004. */
    date: dateSchema.optional(),
    url: z.url('write a full address starting with https://').optional(),
  })
  .strict();

/** A source a reader can find again: it has an address, or a publisher and a date. */
export function isTraceable(source: Source): boolean {
  return source.url !== undefined || source.date !== undefined;
}

/** The manual-wide figures and sources of `content/facts.yaml`, by id. */
export interface Facts {
  figures: ReadonlyMap<string, Figure>;
  sources: ReadonlyMap<string, Source>;
}

/** No shared facts (a content folder without `facts.yaml`). */
export const noFacts: Facts = { figures: new Map(), sources: new Map() };

type FigureItem = z.output<typeof figureSchema> | z.output<typeof factRefSchema>;
type Ctx = z.core.$RefinementCtx;

/**
 * Checks the figures, sources and ids shared by cases and pages: figure references name a fact,
 * every source id is listed here or in `facts.yaml`, charts and highlights name figures, ids are unique.
 */
export function checkFiguresAndSources(
  data: {
    figures: FigureItem[];
    sources: Source[];
    charts: Chart[];
    highlights?: string[] | undefined;
    timeline?: { id: string; source?: string | undefined }[];
    trackRecord?: { id: string; source: string }[];
  },
  facts: Facts,
  ctx: Ctx,
) {
  const own = new Set(data.sources.map((s) => s.id));
  data.sources.forEach((s, i) => {
    if (facts.sources.has(s.id))
      ctx.addIssue({
        code: 'custom',
        path: ['sources', i, 'id'],
        message: `"${s.id}" is already defined in content/facts.yaml: remove it here (one source, one entry)`,
      });
  });
  const known = [...own, ...facts.sources.keys()].join(', ');
  const check = (list: ReadonlyArray<{ source?: string | undefined }>, field: string) =>
    list.forEach((item, i) => {
      if (item.source !== undefined && !own.has(item.source) && !facts.sources.has(item.source)) {
        ctx.addIssue({
          code: 'custom',
          path: [field, i, 'source'],
          message: `"${item.source}" is not listed under \`sources:\` (known: ${known}). Add it there or fix the id`,
        });
      }
    });
  const figures = resolveFigures(data.figures, facts);
  data.figures.forEach((item, i) => {
    if ('fact' in item) {
      if (!facts.figures.has(item.fact))
        ctx.addIssue({
          code: 'custom',
          path: ['figures', i, 'fact'],
          message: `"${item.fact}" is not a figure in content/facts.yaml (known: ${[...facts.figures.keys()].join(', ')})`,
        });
    } else if (facts.figures.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['figures', i, 'id'],
        message: `"${item.id}" is defined once for the whole manual in content/facts.yaml: write \`- fact: ${item.id}\` instead of repeating its value`,
      });
    }
  });
  check(
    data.figures.map((item) => ('fact' in item ? {} : item)),
    'figures',
  );
  data.charts.forEach((chart, c) => {
    const units = new Set<string>();
    chart.figures.forEach((id, i) => {
      const figure = figures.find((f) => f.id === id);
      if (!figure) ctx.addIssue({ code: 'custom', path: ['charts', c, 'figures', i], message: `"${id}" is not a figure id under \`figures:\`` });
      else units.add(figure.unit);
    });
    if (units.size > 1)
      ctx.addIssue({ code: 'custom', path: ['charts', c, 'figures'], message: `mixes units (${[...units].join(', ')}); chart figures of one unit only` });
  });
  data.highlights?.forEach((id, i) => {
    if (!figures.some((f) => f.id === id)) ctx.addIssue({ code: 'custom', path: ['highlights', i], message: `"${id}" is not a figure id under \`figures:\`` });
  });
  if (data.timeline) check(data.timeline, 'timeline');
  if (data.trackRecord) check(data.trackRecord, 'trackRecord');
  const lists = { figures: figures, timeline: data.timeline ?? [], trackRecord: data.trackRecord ?? [], charts: data.charts };
  for (const [field, list] of Object.entries(lists)) {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `"${item.id}" is used twice; ids must be unique` });
      seen.add(item.id);
    });
  }
}

/** The figures with every `fact:` reference replaced by the fact itself (unknown ones dropped). */
export function resolveFigures(items: readonly FigureItem[], facts: Facts): Figure[] {
  return items.flatMap((item) => {
    if (!('fact' in item)) return [item];
    const fact = facts.figures.get(item.fact);
    return fact ? [fact] : [];
  });
}

/** The sources a case or page shows: its own, then those of `facts.yaml` that it uses, in order of use. */
export function resolveSources(own: readonly Source[], used: Iterable<string | undefined>, facts: Facts): Source[] {
  const ids = new Set(own.map((s) => s.id));
  const shared: Source[] = [];
  for (const id of used) {
    const s = id === undefined || ids.has(id) ? undefined : facts.sources.get(id);
    if (s) {
      ids.add(s.id);
      shared.push(s);
    }
  }
  return [...own, ...shared];
}

/**
 * A case's or page's data with every `- fact:` reference replaced by the fact, and the sources of
 * the facts it uses added to its own. Done when the data is read (not in the schema), so a change
 * to facts.yaml reaches every page at once, without a stale content cache.
 */
export function resolveData<
  D extends { figures: FigureItem[]; sources: Source[]; timeline?: { source?: string | undefined }[]; trackRecord?: { source: string }[] },
>(data: D, facts: Facts): Omit<D, 'figures' | 'sources'> & { figures: Figure[]; sources: Source[] } {
  const figures = resolveFigures(data.figures, facts);
  const used = [...figures, ...(data.timeline ?? []), ...(data.trackRecord ?? [])].map((x) => x.source);
  return { ...data, figures, sources: resolveSources(data.sources, used, facts) };
}

/**
 * The locale-neutral data of a case (`content/cases/{slug}/case.yaml`).
 * `image` checks the hero image: Astro's `image()` in the build, a path check in the content lint.
 * `facts` are the manual-wide figures and sources that `- fact: id` entries refer to.
 */
export function caseDataSchema<I extends z.ZodType>(image: I, facts: Facts = noFacts) {
  return z
    .object({
      sector: z.enum(sectors),
      /** Where the case stands in lists and in the manual. */
      order: z.number().int().min(0),
      hero: z.object({ image, kind: z.enum(['photo', 'illustration']), credit: z.string().min(1) }).strict(),
      figures: z.array(z.union([figureSchema, factRefSchema])).min(5, 'a case needs at least five key figures, each with its source'),
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
    .superRefine((data, ctx) => checkFiguresAndSources(data, facts, ctx));
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
/** A source as parsed. */
export type Source = z.output<typeof sourceSchema>;
/** A timeline step as parsed. */
export type TimelineEntry = z.output<typeof timelineEntrySchema>;
