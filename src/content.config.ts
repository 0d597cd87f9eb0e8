import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { caseDataSchema } from './schemas/case-data.ts';
import { caseTextSchema, pageDataSchema, pageTextSchema } from './schemas/text.ts';
import { loadFacts } from './lib/facts.ts';
import { contentDir } from './lib/paths.ts';
import { placeSchema } from './schemas/places.ts';

/**
 * Bump when what the schemas output changes, so cached entries from an older build are parsed
 * again (2: shared facts are resolved when read, not stored resolved).
 */
export const schemaVersion = 2;

const base = contentDir();
/** Figures and sources defined once for the whole manual (`content/facts.yaml`). */
const facts = loadFacts(base);
/** `transit-card/ko.mdx` → `transit-card/ko`; `transit-card/case.yaml` → `transit-card`. */
const folderId = ({ entry }: { entry: string }) => entry.replace(/\/(case|page)\.ya?ml$/, '').replace(/\.mdx$/, '');

/** Locale-neutral data of each case: `content/cases/{slug}/case.yaml`. */
const caseData = defineCollection({
  loader: glob({ pattern: '*/case.yaml', base: `${base}/cases`, generateId: folderId }),
  schema: ({ image }) => caseDataSchema(image(), facts),
});

/** The words of each case per locale: `content/cases/{slug}/{locale}.mdx`. */
const caseText = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${base}/cases`, generateId: folderId }),
  schema: caseTextSchema,
});

/** Numbers on the manual's own pages: `content/pages/{page}/page.yaml`. */
const pageData = defineCollection({
  loader: glob({ pattern: '*/page.yaml', base: `${base}/pages`, generateId: folderId }),
  schema: pageDataSchema(facts),
});

/** The words of the manual's own pages per locale: `content/pages/{page}/{locale}.mdx`. */
const pageText = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${base}/pages`, generateId: folderId }),
  schema: pageTextSchema,
});

/** Where the track record's cities are: `content/places.yaml`. */
const places = defineCollection({ loader: file(`${base}/places.yaml`), schema: placeSchema });

export const collections = { caseData, caseText, pageData, pageText, places };
