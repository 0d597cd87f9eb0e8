import { z } from 'astro/zod';
import { localeCodes } from '../i18n/locales.ts';

/** Where a translation stands: `draft` until a native speaker has reviewed it. */
export const translationSchema = z
  .object({
    status: z.enum(['draft', 'reviewed']),
    /** The locale this text was translated from (absent on the Korean source). */
    from: z.enum(localeCodes as [string, ...string[]]).optional(),
    /** The version of the source file it was made from (see `docs/translation.md`). */
    sourceVersion: z.string().optional(),
  })
  .strict();

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
    translation: translationSchema,
  })
  .strict();

/** The locale-neutral data of one of the manual's own pages (`content/pages/{page}/page.yaml`). */
export { pageDataSchema } from './page-data.ts';

/** Case text as parsed. */
export type CaseText = z.output<typeof caseTextSchema>;
