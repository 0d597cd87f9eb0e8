import { z } from 'astro/zod';
import { localeCodes } from '../i18n/locales.ts';
import { dateSchema } from './common.ts';

/**
 * What a text is: `source` (the original, written in Korean), `draft` (a translation nobody has
 * reviewed yet) or `reviewed` (a translation a named person checked on a given day).
 */
export const textStatuses = ['source', 'draft', 'reviewed'] as const;

/** Where a text stands. A review is recorded by name and date, or it is not claimed. */
export const translationSchema = z
  .object({
    status: z.enum(textStatuses, { error: 'use source (the original), draft or reviewed' }),
    /** The locale this text was translated from (absent on the Korean source). */
    from: z.enum(localeCodes as [string, ...string[]]).optional(),
    /** The version of the source file it was made from (see `docs/translation.md`). */
    sourceVersion: z.string().optional(),
    /** Who reviewed the translation (required with `status: reviewed`). */
    reviewer: z.string().min(2).optional(),
    /** When they reviewed it, `2026-11-30` (required with `status: reviewed`). */
    reviewed: dateSchema.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.status === 'reviewed') {
      if (!t.reviewer)
        ctx.addIssue({
          code: 'custom',
          path: ['reviewer'],
          message: 'a reviewed text names its reviewer: add `reviewer: Full Name` (npm run i18n:review records it), or set status: draft',
        });
      if (!t.reviewed)
        ctx.addIssue({
          code: 'custom',
          path: ['reviewed'],
          message: 'a reviewed text records the day of the review: add `reviewed: 2026-11-30`, or set status: draft',
        });
    } else if (t.reviewer || t.reviewed) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: `reviewer and date are recorded, but status is ${t.status}: set status: reviewed, or remove them`,
      });
    }
    if (t.status === 'source' && t.from)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'an original text is translated from nothing: remove `from`, or set status: draft' });
    if (t.status !== 'source' && !t.from)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'a translation names the locale it was translated from, e.g. `from: en`' });
  });

/** Words for labels keyed by the ids used in the case's data. */
const labels = z.record(z.string(), z.string().min(1)).default({});

/** The frontmatter of a case in one language (`content/cases/{slug}/{locale}.mdx`). */
export const caseTextSchema = z
  .object({
    title: z.string().min(3),
    summary: z.string().min(20, 'write a sentence or two (20+ characters) that a search result can show'),
    heroAlt: z.string().min(5, 'describe the image for readers who cannot see it'),
    /** The name of the office to contact, in this language. */
    contactName: z.string().min(1),
    figures: labels,
    timeline: labels,
    trackRecord: labels,
    /** Chart titles by chart id. */
    charts: labels,
    translation: translationSchema,
  })
  .strict();

/** The frontmatter of one of the manual's own pages in one language (`content/pages/{page}/{locale}.mdx`). */
export const pageTextSchema = z
  .object({
    title: z.string().min(3),
    summary: z.string().min(20),
    figures: labels,
    charts: labels,
    /** Words for headline counts: each must contain `{kinds}`, where the kinds it counts are named. */
    counts: labels,
    translation: translationSchema,
  })
  .strict();

/** The locale-neutral data of one of the manual's own pages (`content/pages/{page}/page.yaml`). */
export { pageDataSchema } from './page-data.ts';

/** Case text as parsed. */
export type CaseText = z.output<typeof caseTextSchema>;
