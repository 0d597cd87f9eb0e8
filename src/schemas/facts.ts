import { z } from 'astro/zod';
import { figureSchema, sourceSchema } from './case-data.ts';

/**
 * Figures used in more than one place (home, cases, track record), defined once for the whole
 * manual in `content/facts.yaml`, with their sources. Cases and pages use one with `- fact: id`.
 */
export const factsSchema = z
  .object({
    figures: z.array(figureSchema).default([]),
    sources: z.array(sourceSchema).default([]),
  })
  .strict()
  .superRefine((data, ctx) => {
    const sources = new Set(data.sources.map((s) => s.id));
    const seen = new Set<string>();
    data.figures.forEach((f, i) => {
      if (!sources.has(f.source))
        ctx.addIssue({ code: 'custom', path: ['figures', i, 'source'], message: `"${f.source}" is not listed under \`sources:\` in facts.yaml` });
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['figures', i, 'id'], message: `"${f.id}" is used twice; ids must be unique` });
      seen.add(f.id);
    });
  });
