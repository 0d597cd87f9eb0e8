import { z } from 'astro/zod';
import { chartSchema, figureSchema, sourceSchema } from './case-data.ts';

/** Numbers a manual page shows (the home page's growth figures, for instance), with sources. */
export const pageDataSchema = z
  .object({
    figures: z.array(figureSchema).default([]),
    charts: z.array(chartSchema).default([]),
    sources: z.array(sourceSchema).default([]),
  })
  .strict()
  .superRefine((data, ctx) => {
    const ids = new Set(data.sources.map((s) => s.id));
    data.figures.forEach((f, i) => {
      if (!ids.has(f.source)) {
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'source'], message: `"${f.source}" is not listed under \`sources:\`` });
      }
    });
  });
