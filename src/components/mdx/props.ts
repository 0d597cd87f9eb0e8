import { z } from 'astro/zod';

/**
 * The components authors may use in MDX, with the props each accepts. The content lint checks
 * every tag in every MDX file against this table, so a misspelt component or prop fails the build
 * with the file and line. `index.ts` maps the same names to the Astro components.
 */
export const mdxProps = {
  KeyFigures: z.object({ ids: z.string().optional() }).strict(),
  Value: z.object({ id: z.string() }).strict(),
  Figure: z
    .object({
      src: z
        .string()
        .regex(
          /^\.\/(?!.*\.\.)[\w./-]+\.(png|jpe?g|webp|avif|svg)$/,
          'give a file in the case folder, e.g. "./diagram.svg" (no ../: images live next to the text)',
        ),
      alt: z.string().min(5, 'describe the image in a few words for readers who cannot see it'),
      caption: z.string().min(1),
      credit: z.string().min(1),
    })
    .strict(),
  Callout: z.object({ type: z.enum(['note', 'tip', 'warning', 'lesson']).optional(), title: z.string().optional() }).strict(),
  Quote: z.object({ by: z.string().min(1), role: z.string().optional() }).strict(),
  Timeline: z.object({}).strict(),
  Chart: z.object({ id: z.string() }).strict(),
  Steps: z.object({}).strict(),
  Compare: z.object({}).strict(),
  Before: z.object({ title: z.string().optional() }).strict(),
  After: z.object({ title: z.string().optional() }).strict(),
} as const;

/** The name of a component authors may use. */
export type MdxComponentName = keyof typeof mdxProps;

/** Props whose values are words for the reader: translated (and exported for translators). */
export const textProps: Partial<Record<MdxComponentName, readonly string[]>> = {
  Figure: ['alt', 'caption', 'credit'],
  Callout: ['title'],
  Quote: ['by', 'role'],
  Before: ['title'],
  After: ['title'],
};

/** Props that name figures of the case, checked against `case.yaml`. */
export const figureRefs: Partial<Record<MdxComponentName, 'id' | 'ids'>> = { KeyFigures: 'ids', Value: 'id' };
/** Props that name charts of the case. */
export const chartRefs: Partial<Record<MdxComponentName, 'id'>> = { Chart: 'id' };

/** Splits `ids="a, b"` into ids. */
export function splitIds(ids: string): string[] {
  return ids.split(/[\s,]+/).filter(Boolean);
}
