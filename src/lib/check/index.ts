import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { isLocale, localeCodes, sourceLocale } from '../../i18n/locales.ts';
import { caseDataSchema, isTraceable, noFacts, resolveData, type Facts, type Figure, type Source } from '../../schemas/case-data.ts';
import { factsSchema } from '../../schemas/facts.ts';
import { caseTextSchema, pageDataSchema, pageTextSchema } from '../../schemas/text.ts';
import { checkFiles, readText } from './files.ts';
import { checkGlossary } from './glossary.ts';
import { checkSearchWords } from './search.ts';
import { checkMdxBody } from './mdx-file.ts';
import type { Problem } from './problem.ts';
import { imageSize } from 'image-size';
import { checkSvg } from './svg.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';
import { fieldMessages } from './zod-messages.ts';
import { displayPath } from '../paths.ts';
import { contentPages, sitePaths } from '../routes.ts';

export { ContentError, formatReport, type Problem } from './problem.ts';

const imageFile = /\.(png|jpe?g|webp|avif|svg)$/i;
/** Larger images slow the build and every reader's page; 300 dpi at A4 width needs about 2500 px. */
const maxImageMb = 10;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The hero image in the lint: a path to a file next to `case.yaml`. */
const imagePath = z.string().regex(/^\.\/(?!.*\.\.)[\w./-]+\.(png|jpe?g|webp|avif|svg)$/i, 'give an image in the case folder, e.g. "./hero.svg" (no ../)');

/**
 * Checks everything under a content folder and returns what is wrong, file by file.
 * The build stops on any error; warnings are printed and the build goes on.
 */
export function checkContent(dir: string): Problem[] {
  if (!fs.existsSync(path.join(dir, 'cases'))) {
    return [
      {
        severity: 'error',
        file: dir,
        message: 'has no cases/ folder: point SSM_CONTENT_DIR (or the project) at a content folder with content/cases/{slug}/case.yaml in it.',
      },
    ];
  }
  const casesDir = path.join(dir, 'cases');
  const slugs = listDirs(casesDir);
  const routes = sitePaths(slugs);
  const { facts, problems } = checkFacts(dir);
  problems.unshift(...checkFiles(dir));
  const figures: PlacedFigure[] = [];
  for (const slug of slugs) problems.push(...checkCase(path.join(casesDir, slug), slug, new Set(slugs), routes, facts, figures));
  problems.push(...checkPlaces(dir, slugs), ...checkGlossary(dir), ...checkSearchWords(dir));
  const pagesDir = path.join(dir, 'pages');
  for (const page of listDirs(pagesDir)) problems.push(...checkPage(path.join(pagesDir, page), facts, figures, routes));
  problems.push(...checkOneValuePerFact(figures));
  return problems;
}

/** A figure written out in a case or page, with where it is written. */
interface PlacedFigure {
  figure: Figure;
  file: string;
  line: number | undefined;
}

/** `content/facts.yaml`: the figures and sources the whole manual shares, checked like any data file. */
function checkFacts(dir: string): { facts: Facts; problems: Problem[] } {
  const file = path.join(dir, 'facts.yaml');
  if (!fs.existsSync(file)) return { facts: noFacts, problems: [] };
  const text = readText(file);
  if (text === undefined) return { facts: noFacts, problems: [] };
  const { data, problems } = validate(file, parseYaml(text), factsSchema);
  if (!data) return { facts: noFacts, problems };
  return { facts: { figures: new Map(data.figures.map((f) => [f.id, f])), sources: new Map(data.sources.map((s) => [s.id, s])) }, problems };
}

/**
 * One fact, one value: a figure id written out in two places is either one fact (define it once
 * in `facts.yaml`) or two facts that need two ids.
 */
function checkOneValuePerFact(figures: readonly PlacedFigure[]): Problem[] {
  const first = new Map<string, PlacedFigure>();
  const problems: Problem[] = [];
  for (const placed of figures) {
    const earlier = first.get(placed.figure.id);
    if (!earlier) {
      first.set(placed.figure.id, placed);
      continue;
    }
    const show = (f: Figure) => `${f.from !== undefined ? `${f.from} → ` : ''}${f.value} ${f.unit} (${f.year}, ${f.source})`;
    const same = show(earlier.figure) === show(placed.figure);
    problems.push({
      severity: 'error',
      file: placed.file,
      line: placed.line,
      field: `figures.${placed.figure.id}`,
      message: same
        ? `"${placed.figure.id}" is also written out in ${displayPath(earlier.file)}: a figure used in several places is defined once, in content/facts.yaml, and used with \`- fact: ${placed.figure.id}\`.`
        : `one fact, two values: "${placed.figure.id}" is ${show(placed.figure)} here but ${show(earlier.figure)} in ${displayPath(earlier.file)}. If they are one fact, keep the sourced value once in content/facts.yaml; if they count different things, give each its own id and a label that says what it counts.`,
    });
  }
  return problems;
}

/** Figures shown as headlines must rest on a source a reader can find: an address, or a publisher and date. */
function checkHeadlineSources(file: string, source: YamlSource, shown: readonly Figure[], sources: readonly Source[]): Problem[] {
  return shown.flatMap((f): Problem[] => {
    const s = sources.find((x) => x.id === f.source);
    if (!s || isTraceable(s)) return [];
    return [
      {
        severity: 'error',
        file,
        line: source.lineOf(['sources']),
        field: `sources.${s.id}`,
        message: `"${s.id}" backs the headline figure "${f.id}" but has neither an address (url) nor a date: a reader cannot trace it. Add its url or date, or do not highlight "${f.id}".`,
      },
    ];
  });
}

function listDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (
    fs
      .readdirSync(dir, { withFileTypes: true })
      // Symbolic links are not followed (checkFiles refuses them).
      .filter((d) => d.isDirectory() && !d.isSymbolicLink() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort()
  );
}

/** Validates YAML against a schema; every problem carries the line of its field. */
function validate<S extends z.ZodType>(file: string, source: YamlSource, schema: S): { data?: z.output<S>; problems: Problem[] } {
  if (source.errors.length) {
    return {
      problems: source.errors.map((e) => ({
        severity: 'error',
        file,
        line: e.line,
        message: `YAML syntax error: ${e.message}. Indent with spaces (not tabs) and quote text that contains ": ".`,
      })),
    };
  }
  const parsed = schema.safeParse(source.data ?? {}, { reportInput: true });
  if (parsed.success) return { data: parsed.data, problems: [] };
  return {
    problems: fieldMessages(parsed.error.issues).map((m) => ({
      severity: 'error',
      file,
      line: source.lineOf(m.path),
      field: m.path.map(String).join('.') || undefined,
      message: m.message,
    })),
  };
}

function checkCase(dir: string, slug: string, allSlugs: ReadonlySet<string>, routes: ReadonlySet<string>, facts: Facts, placed: PlacedFigure[]): Problem[] {
  const problems: Problem[] = [];
  const dataFile = path.join(dir, 'case.yaml');
  if (!slugPattern.test(slug)) {
    problems.push({
      severity: 'error',
      file: dir,
      message: `folder name "${slug}" is not a valid slug: use lower-case letters, digits and hyphens (it becomes the URL).`,
    });
  }
  if (!fs.existsSync(dataFile)) {
    return [
      ...problems,
      {
        severity: 'error',
        file: dataFile,
        message: 'every case folder needs case.yaml with its figures and sources. Copy one from another case (docs/authoring.md).',
      },
    ];
  }
  const dataText = readText(dataFile);
  if (dataText === undefined) return problems;
  const source = parseYaml(dataText);
  const { data, problems: dataProblems } = validate(dataFile, source, caseDataSchema(imagePath, facts));
  problems.push(...dataProblems);
  placed.push(...writtenOut(dataFile, source));
  if (data) {
    const { figures, sources } = resolveData(data, facts);
    const shown = data.highlights ? figures.filter((f) => data.highlights?.includes(f.id)) : figures.slice(0, 6);
    problems.push(...checkHeadlineSources(dataFile, source, shown, sources));
    const hero = path.resolve(dir, data.hero.image);
    if (!fs.existsSync(hero)) {
      problems.push({
        severity: 'error',
        file: dataFile,
        line: source.lineOf(['hero', 'image']),
        field: 'hero.image',
        message: `${data.hero.image} does not exist in the case folder. Add the image or fix the name.`,
      });
    }
    data.related.forEach((other, i) => {
      if (!allSlugs.has(other) || other === slug) {
        problems.push({
          severity: 'error',
          file: dataFile,
          line: source.lineOf(['related', i]),
          field: `related.${i}`,
          message: `"${other}" is not another case. Cases: ${[...allSlugs].filter((s) => s !== slug).join(', ')}.`,
        });
      }
    });
  }
  const files = fs.readdirSync(dir).filter((f) => !f.startsWith('.'));
  for (const f of files) {
    if (imageFile.test(f)) {
      const mb = fs.statSync(path.join(dir, f)).size / 1024 / 1024;
      if (mb > maxImageMb) {
        problems.push({
          severity: 'error',
          file: path.join(dir, f),
          message: `is ${mb.toFixed(1)} MB; images must be under ${maxImageMb} MB. Export it at most 3000 px wide (JPEG quality 85 or WebP).`,
        });
      }
      // SVGs are served as they are: one that runs code or loads from elsewhere is refused.
      if (/\.svg$/i.test(f)) problems.push(...checkSvg(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8')));
      else problems.push(...checkPixels(path.join(dir, f)));
      continue;
    }
    if (f === 'case.yaml') continue;
    const locale = f.replace(/\.mdx$/, '');
    if (!f.endsWith('.mdx') || !isLocale(locale)) {
      problems.push({
        severity: 'error',
        file: path.join(dir, f),
        message: `"${f}" is not a case file. Name text files after their locale (${localeCodes.map((c) => `${c}.mdx`).join(', ')}); put images next to them.`,
      });
    }
  }
  if (!files.includes(`${sourceLocale}.mdx`)) {
    problems.push({
      severity: 'error',
      file: path.join(dir, `${sourceLocale}.mdx`),
      message: 'is missing: every case is written in Korean first, and other languages fall back to it.',
    });
  }
  const ids = {
    figures: new Set(data ? resolveData(data, facts).figures.map((f) => f.id) : []),
    timeline: new Set(data?.timeline.map((t) => t.id)),
    trackRecord: new Set(data?.trackRecord.map((t) => t.id)),
    charts: new Set(data?.charts.map((c) => c.id)),
  };
  for (const f of files.filter((f) => f.endsWith('.mdx') && isLocale(f.slice(0, -4)))) {
    const file = path.join(dir, f);
    problems.push(...checkText(file, caseTextSchema, data ? ids : undefined, routes), ...checkSections(file));
  }
  return problems;
}

/** Wider or taller than this, a photo only costs memory: 300 dpi across an A4 page is about 2500 px. */
const maxImagePx = 6000;

/**
 * A raster image's size in pixels, read from its header before Sharp decodes it (a 20000 px image
 * would take gigabytes): too large, or not an image at all, is refused with how to fix it.
 */
function checkPixels(file: string): Problem[] {
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(fs.readFileSync(file));
  } catch {
    return [
      {
        severity: 'error',
        file,
        message: 'is not an image the build can read (the file may be damaged, or its name may not match its format). Export it again as PNG, JPEG or WebP.',
      },
    ];
  }
  const longest = Math.max(size.width ?? 0, size.height ?? 0);
  if (longest <= maxImagePx) return [];
  return [
    {
      severity: 'error',
      file,
      message: `is ${size.width} × ${size.height} px; images may be at most ${maxImagePx} px on their longest side (about 2500 px is enough for a full A4 width at 300 dpi). Export it smaller.`,
    },
  ];
}

/** The parts of a case body every case has (by their `##` headings): problem, what, how, results, lessons. */
export const requiredSections = 5;

/** A case body must tell the whole story: at least {@link requiredSections} `##` sections. */
function checkSections(file: string): Problem[] {
  const headings = (readText(file) ?? '## ?\n'.repeat(requiredSections)).match(/^## \S.*$/gm) ?? [];
  if (headings.length >= requiredSections) return [];
  return [
    {
      severity: 'error',
      file,
      message: `has ${headings.length} section(s) (## headings); a case needs at least ${requiredSections}: the problem Seoul faced, what Seoul did, how it works, results, lessons for your city (docs/authoring.md).`,
    },
  ];
}

/** Cities in the track record need coordinates in `places.yaml` to appear on the map. */
function checkPlaces(dir: string, slugs: readonly string[]): Problem[] {
  const placesFile = path.join(dir, 'places.yaml');
  const places = fs.existsSync(placesFile) ? parseYaml(readText(placesFile) ?? '') : undefined;
  const known = new Set(Object.keys((places?.data as Record<string, unknown> | undefined) ?? {}));
  return slugs.flatMap((slug) => {
    const file = path.join(dir, 'cases', slug, 'case.yaml');
    if (!fs.existsSync(file)) return [];
    const source = parseYaml(readText(file) ?? '');
    const entries = ((source.data as { trackRecord?: unknown } | undefined)?.trackRecord ?? []) as { city?: unknown }[];
    return entries.flatMap((entry, i): Problem[] =>
      typeof entry.city === 'string' && !known.has(entry.city)
        ? [
            {
              severity: 'warning',
              file,
              line: source.lineOf(['trackRecord', i, 'city']),
              field: `trackRecord.${i}.city`,
              message: `"${entry.city}" has no coordinates, so it is left off the world map. Add it to content/places.yaml.`,
            },
          ]
        : [],
    );
  });
}

/** The figures a data file writes out in full (not `- fact:` references), with their lines. */
function writtenOut(file: string, source: YamlSource): PlacedFigure[] {
  const items = ((source.data as { figures?: unknown } | undefined)?.figures ?? []) as unknown[];
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, i) => {
    const f = item as Partial<Figure> | null;
    return f && typeof f.id === 'string' && typeof f.value === 'number' ? [{ figure: f as Figure, file, line: source.lineOf(['figures', i]) }] : [];
  });
}

/** The manual's own pages (the route table's `content`): each has code that shows it, so a new folder needs a developer. */
const knownPages: readonly string[] = [...contentPages].sort();

function checkPage(dir: string, facts: Facts, placed: PlacedFigure[], routes: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const name = path.basename(dir);
  if (!knownPages.includes(name)) {
    return [
      {
        severity: 'error',
        file: dir,
        message: `"${name}" is not a page of the site, so nothing would show it. The pages are ${knownPages.join(', ')}; a new case goes in content/cases/, a new kind of page needs a developer.`,
      },
    ];
  }
  for (const f of fs.readdirSync(dir).filter((f) => !f.startsWith('.') && f !== 'page.yaml')) {
    if (!f.endsWith('.mdx') || !isLocale(f.slice(0, -4))) {
      problems.push({
        severity: 'error',
        file: path.join(dir, f),
        message: `"${f}" is not a page file. Name text files after their locale (${localeCodes.map((c) => `${c}.mdx`).join(', ')}).`,
      });
    }
  }
  const dataFile = path.join(dir, 'page.yaml');
  let figureIds = new Set<string>();
  let chartIds = new Set<string>();
  let countIds = new Set<string>();
  if (fs.existsSync(dataFile)) {
    const source = parseYaml(readText(dataFile) ?? '');
    const { data, problems: p } = validate(dataFile, source, pageDataSchema(facts));
    problems.push(...p);
    placed.push(...writtenOut(dataFile, source));
    const resolved = data && resolveData(data, facts);
    if (resolved) problems.push(...checkHeadlineSources(dataFile, source, resolved.figures, resolved.sources));
    figureIds = new Set(resolved?.figures.map((f) => f.id));
    chartIds = new Set(data?.charts.map((c) => c.id));
    countIds = new Set(data?.counts.map((c) => c.id));
  }
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.mdx') && isLocale(f.slice(0, -4)))) {
    problems.push(...checkText(path.join(dir, f), pageTextSchema, { figures: figureIds, charts: chartIds, counts: countIds }, routes));
  }
  return problems;
}

/** Only the original is `source`; every other locale's file is a translation. */
function checkStatus(file: string, source: YamlSource, data: { translation: { status: string; from?: string | undefined } }): Problem[] {
  const locale = path.basename(file, '.mdx');
  const { status, from } = data.translation;
  if (status === 'source' && locale !== sourceLocale) {
    return [
      {
        severity: 'error',
        file,
        line: source.lineOf(['translation', 'status']),
        field: 'translation.status',
        message: `only the Korean original (${sourceLocale}.mdx) is the source; this file is a translation: status draft, or reviewed with reviewer and date.`,
      },
    ];
  }
  if (from && !fs.existsSync(path.join(path.dirname(file), `${from}.mdx`))) {
    return [
      {
        severity: 'error',
        file,
        line: source.lineOf(['translation', 'from']),
        field: 'translation.from',
        message: `was translated from ${from}.mdx, which no longer exists: restore it, or set \`from:\` to the file it follows now and re-stamp (npm run i18n:status -- --stamp ${displayPath(file)}).`,
      },
    ];
  }
  return [];
}

/** Checks one `{locale}.mdx`: frontmatter, labels against the data's ids, then the body. */
function checkText(
  file: string,
  schema: z.ZodType,
  ids: Partial<Record<'figures' | 'timeline' | 'trackRecord' | 'charts' | 'counts', ReadonlySet<string>>> | undefined,
  routes?: ReadonlySet<string>,
): Problem[] {
  const text = readText(file);
  if (text === undefined) return [];
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) {
    return [
      {
        severity: 'error',
        file,
        line: 1,
        message: 'must start with frontmatter between two --- lines (title, summary, labels, translation). See docs/authoring.md.',
      },
    ];
  }
  const source = parseYaml(match[1] ?? '', 2);
  const { data, problems } = validate(file, source, schema);
  if (data) problems.push(...checkStatus(file, source, data as { translation: { status: string; from?: string } }));
  const counts = (data as { counts?: Record<string, string> } | undefined)?.counts ?? {};
  for (const [id, words] of Object.entries(counts)) {
    if (!words.includes('{kinds}')) {
      problems.push({
        severity: 'error',
        file,
        line: source.lineOf(['counts', id]),
        field: `counts.${id}`,
        message:
          'a headline count must name the kinds it counts: put {kinds} where the list of kinds goes (the build writes it in this language), and {cities} / {countries} for the numbers.',
      });
    }
  }
  if (data && ids) {
    const labels = data as Record<string, Record<string, string> | undefined>;
    for (const [group, known] of Object.entries(ids)) {
      const given = labels[group] ?? {};
      for (const id of Object.keys(given)) {
        if (!known.has(id)) {
          problems.push({
            severity: 'error',
            file,
            line: source.lineOf([group, id]),
            field: `${group}.${id}`,
            message: `labels "${id}", which case.yaml does not define under \`${group}:\`. Fix the id or add the entry to case.yaml.`,
          });
        }
      }
      const missing = [...known].filter((id) => !(id in given) && group !== 'trackRecord');
      if (missing.length) {
        problems.push({
          severity: 'warning',
          file,
          line: source.lineOf([group]),
          field: group,
          message: `no label for ${missing.join(', ')}; the fallback language's label is shown instead.`,
        });
      }
    }
  }
  problems.push(...checkMdxBody(file, text, { figureIds: ids?.figures, chartIds: ids?.charts, routes }));
  return problems;
}
