import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { noFacts, type Facts } from '../schemas/case-data.ts';
import { factsSchema } from '../schemas/facts.ts';

/**
 * The manual-wide facts of `{contentDir}/facts.yaml`, for the schemas of cases and pages.
 * A broken or missing file gives no facts here: the content check reports it with its line.
 */
export function loadFacts(contentDir: string): Facts {
  const file = path.join(contentDir, 'facts.yaml');
  if (!fs.existsSync(file)) return noFacts;
  const parsed = factsSchema.safeParse(parse(fs.readFileSync(file, 'utf8')) ?? {});
  if (!parsed.success) return noFacts;
  return { figures: new Map(parsed.data.figures.map((f) => [f.id, f])), sources: new Map(parsed.data.sources.map((s) => [s.id, s])) };
}
