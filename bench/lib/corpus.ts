/**
 * Synthetic corpora for the benchmark: N cases × the eight locales, in our content format and as
 * the same pages in a Starlight docs project.
 *
 * Case k is a copy of real case (k mod 8) under a new slug, so every page has what a real case
 * has: 1,400+ words of MDX per locale, headings, figures, an SVG illustration, key figures, a
 * chart, steps, a before/after comparison, a callout, a timeline and sources. The first eight
 * cases keep their real slugs so `related:` links stay valid.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { formatFigure } from '../../src/lib/format.ts';
import { localeCodes, type LocaleCode } from '../../src/i18n/locales.ts';
import { resolveFigures, type Figure } from '../../src/schemas/case-data.ts';
import { loadFacts } from '../../src/lib/facts.ts';
import { projectRoot } from '../../src/lib/paths.ts';
import { sourceVersion } from '../../src/lib/translation-status.ts';

const realContent = path.join(projectRoot, 'content');
export const baseSlugs: readonly string[] = fs
  .readdirSync(path.join(realContent, 'cases'))
  .filter((d) => fs.existsSync(path.join(realContent, 'cases', d, 'case.yaml')))
  .sort();

/** Slug of case k (0-based) in a corpus. */
export const slugOf = (k: number) => (k < baseSlugs.length ? baseSlugs[k]! : `${baseSlugs[k % baseSlugs.length]}-${k + 1}`);

export interface Corpus {
  cases: number;
  /** Our content folder (point `SSM_CONTENT_DIR` at it). */
  content: string;
  /** The same pages as Starlight docs (the peer project's `src/content/docs`). */
  docs: string;
  /** Case 0 in English in each format, the file the warm-rebuild measure edits. */
  editable: { ours: string; starlight: string };
}

/**
 * Writes a corpus of `cases` cases: our content under `dir/content`, the same pages into the
 * Starlight project's `docs` folder (emptied first).
 */
export function makeCorpus(cases: number, dir: string, docs: string): Corpus {
  const content = path.join(dir, 'content');
  const corpus: Corpus = {
    cases,
    content,
    docs,
    editable: { ours: path.join(content, 'cases', slugOf(0), 'en.mdx'), starlight: path.join(docs, 'en/cases', `${slugOf(0)}.mdx`) },
  };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(docs, { recursive: true, force: true });
  const realCases = path.join(realContent, 'cases');
  const facts = loadFacts(realContent);
  fs.cpSync(realContent, content, { recursive: true, filter: (src) => src === realCases || !src.startsWith(`${realCases}${path.sep}`) });
  for (const locale of localeCodes) {
    fs.mkdirSync(path.join(docs, locale, 'cases'), { recursive: true });
    fs.writeFileSync(path.join(docs, locale, 'index.mdx'), `---\ntitle: Seoul Solutions Manual\n---\n\nSeoul's urban solutions.\n`);
  }
  for (let k = 0; k < cases; k++) {
    const slug = slugOf(k);
    const base = path.join(realCases, baseSlugs[k % baseSlugs.length]!);
    fs.cpSync(base, path.join(content, 'cases', slug), { recursive: true });
    const data = parse(fs.readFileSync(path.join(base, 'case.yaml'), 'utf8')) as CaseYaml;
    // One fact, one value: a copy's own figures get ids of their own (facts.yaml references stay).
    const rename = k < baseSlugs.length ? undefined : figureRenamer(data, `c${k + 1}`);
    // What the Starlight page shows: the same figures, shared facts resolved, under the copy's ids.
    const shown: ShownCase = {
      ...data,
      figures: resolveFigures(data.figures, facts).map((f) => ({ ...f, id: rename?.to(f.id) ?? f.id })),
      highlights: data.highlights?.map((id) => rename?.to(id) ?? id),
      charts: data.charts?.map((c) => ({ ...c, figures: c.figures.map((id) => rename?.to(id) ?? id) })),
    };
    if (rename) fs.writeFileSync(path.join(content, 'cases', slug, 'case.yaml'), rename.yaml(fs.readFileSync(path.join(base, 'case.yaml'), 'utf8')));
    const assets = fs.readdirSync(base).filter((f) => /\.(svg|png|jpe?g|webp|avif)$/.test(f));
    for (const locale of localeCodes) {
      const file = path.join(content, 'cases', slug, `${locale}.mdx`);
      if (!fs.existsSync(file)) continue;
      const source = fs.readFileSync(file, 'utf8');
      let numbered = !rename
        ? source
        : rename.mdx(source).replace(/^title: (.*)$/m, (_, t: string) => `title: ${JSON.stringify(`${String(parse(`t: ${t}`).t)} (${k + 1})`)}`);
      // The numbered title changed the sources (ko, then en): stamp translations with their new
      // version, as `npm run i18n:status -- --stamp` would, so the copies are current, not stale.
      const from = /^ {2}from: (\w+)$/m.exec(numbered)?.[1];
      if (k >= baseSlugs.length && from)
        numbered = numbered.replace(/^ {2}sourceVersion: .*$/m, `  sourceVersion: '${sourceVersion(path.join(content, 'cases', slug, `${from}.mdx`))}'`);
      fs.writeFileSync(file, numbered);
      const folder = path.join(docs, locale, 'cases');
      fs.writeFileSync(path.join(folder, `${slug}.mdx`), toStarlight(numbered, shown, locale, slug));
      fs.mkdirSync(path.join(folder, slug), { recursive: true });
      for (const asset of assets) fs.copyFileSync(path.join(base, asset), path.join(folder, slug, asset));
    }
  }
  return corpus;
}

/**
 * Renames a case's own figures (`id` → `id-c12`) in its case.yaml and MDX files: the id lines of
 * `figures:`, highlights and chart lists, the labels under `figures:` and `<Value>` / `<KeyFigures>`.
 */
function figureRenamer(data: CaseYaml, suffix: string) {
  const own = new Set(data.figures.flatMap((f) => ('fact' in f ? [] : [f.id])));
  const to = (id: string) => (own.has(id) ? `${id}-${suffix}` : id);
  const list = (ids: string) => ids.replace(/[\w-]+/g, to);
  return {
    to,
    yaml: (text: string) =>
      text
        .replace(/^(\s*- (?:\{ )?id: )([\w-]+)/gm, (_, head: string, id: string) => `${head}${to(id)}`)
        .replace(/^(highlights: \[)([^\]]*)\]/m, (_, head: string, ids: string) => `${head}${list(ids)}]`)
        .replace(/(figures: \[)([^\]]*)\]/g, (_, head: string, ids: string) => `${head}${list(ids)}]`),
    mdx: (text: string) =>
      text
        .replace(
          /^figures:\n((?: {2}.*\n)+)/m,
          (_, block: string) => `figures:\n${block.replace(/^( {2})([\w-]+):/gm, (_, sp: string, id: string) => `${sp}${to(id)}:`)}`,
        )
        .replace(/(<Value id=")([\w-]+)"/g, (_, head: string, id: string) => `${head}${to(id)}"`)
        .replace(/(<KeyFigures ids=")([^"]*)"/g, (_, head: string, ids: string) => `${head}${list(ids)}"`),
  };
}

interface CaseYaml {
  hero: { image: string };
  highlights?: string[] | undefined;
  figures: Array<Figure | { fact: string }>;
  timeline: Array<{ id: string; year: string | number }>;
  charts?: Array<{ id: string; figures: string[] }> | undefined;
  sources: Array<{ id: string; title: string; url?: string }>;
}

/** A case as its page shows it: every figure resolved (shared facts included). */
type ShownCase = Omit<CaseYaml, 'figures'> & { figures: Figure[] };

/**
 * One case page as a Starlight author would write it: the same words, figures and images, with
 * Starlight's own components (Card, CardGrid, Aside, Steps) where ours have no Starlight twin,
 * and a Markdown table where we draw a chart.
 */
export function toStarlight(mdx: string, data: ShownCase, locale: LocaleCode, slug: string): string {
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx) ?? [];
  const text = parse(front) as {
    title: string;
    summary: string;
    heroAlt: string;
    figures?: Record<string, string>;
    timeline?: Record<string, string>;
    charts?: Record<string, string>;
  };
  const figure = (id: string) => data.figures.find((f) => f.id === id);
  const value = (id: string) => {
    const f = figure(id);
    return f ? formatFigure({ ...f, compact: f.compact ?? false, signed: f.signed ?? false }, locale) : id;
  };
  const attrs = (s: string) => Object.fromEntries([...s.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const esc = (s: string) => s.replace(/[{}<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const converted = body
    .replace(/<Value id="([^"]+)" \/>/g, (_, id: string) => esc(value(id)))
    .replace(
      /<KeyFigures ids="([^"]+)" \/>/g,
      (_, ids: string) =>
        `<CardGrid>\n${ids
          .split(',')
          .map((id) => `<Card title="${value(id.trim())}">${esc(text.figures?.[id.trim()] ?? id)}</Card>`)
          .join('\n')}\n</CardGrid>`,
    )
    .replace(/<Figure ([^>]*?)\/>/g, (_, a: string) => {
      const { src = '', alt = '', caption = '', credit = '' } = attrs(a);
      return `![${alt}](./${slug}/${src.replace(/^\.\//, '')})\n\n*${caption}* ${credit}`;
    })
    .replace(/<Chart id="([^"]+)" \/>/g, (_, id: string) => {
      const chart = data.charts?.find((c) => c.id === id);
      const rows = (chart?.figures ?? []).map((f) => `| ${text.figures?.[f] ?? f} | ${value(f)} |`);
      return `| ${text.charts?.[id] ?? id} | |\n| --- | --- |\n${rows.join('\n')}`;
    })
    .replace(/<Callout type="[^"]*" title="([^"]*)">/g, '<Aside type="tip" title="$1">')
    .replace(/<\/Callout>/g, '</Aside>')
    .replace(/<Compare>/g, '<CardGrid>')
    .replace(/<\/Compare>/g, '</CardGrid>')
    .replace(/<(?:Before|After) title="([^"]*)">/g, '<Card title="$1">')
    .replace(/<\/(?:Before|After)>/g, '</Card>')
    .replace(/<Timeline \/>/g, () => data.timeline.map((t) => `- **${t.year}** ${text.timeline?.[t.id] ?? t.id}`).join('\n'));
  const sources = data.sources.map((s) => `- ${s.url ? `[${s.title}](${s.url})` : s.title}`).join('\n');
  const highlights = `<CardGrid>\n${(data.highlights ?? data.figures.slice(0, 6).map((f) => f.id)).map((id) => `<Card title="${value(id)}">${esc(text.figures?.[id] ?? id)}</Card>`).join('\n')}\n</CardGrid>`;
  return [
    '---',
    `title: ${JSON.stringify(String(text.title))}`,
    `description: ${JSON.stringify(text.summary)}`,
    '---',
    "import { Aside, Card, CardGrid, Steps } from '@astrojs/starlight/components';",
    '',
    `![${esc(text.heroAlt)}](./${slug}/${data.hero.image.replace(/^\.\//, '')})`,
    '',
    esc(text.summary),
    '',
    highlights,
    '',
    converted.trim(),
    '',
    `## ${locale === 'ko' ? '출처' : 'Sources'}`,
    '',
    sources,
    '',
  ].join('\n');
}
