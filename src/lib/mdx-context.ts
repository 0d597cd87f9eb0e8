import type { Chart, Figure } from '../schemas/case-data.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import { label, type CaseView } from './content.ts';

/** What the components inside an MDX body need to know about the page around them. */
export interface MdxContext {
  /** The language the body is written in (labels and numbers follow it). */
  lang: LocaleCode;
  /** The case's (or page's) folder, to name it in errors. */
  folder: string;
  figures: readonly Figure[];
  charts: readonly Chart[];
  timeline: readonly { id: string; year: number | string; yearInferred?: boolean }[];
  /** The text entries from the body's language down its fallback chain, for labels. */
  chain: ReadonlyArray<{ data: Record<string, unknown> }>;
}

/**
 * A case body's context. The same for its web page, its brochure and the manual: the body is
 * rendered once per file with it (`ContentBody`), and the manual scopes the ids in the HTML.
 */
export function caseContext(view: CaseView): MdxContext {
  const { lang, slug, data, chain } = view;
  return { lang, folder: `cases/${slug}`, figures: data.figures, charts: data.charts, timeline: data.timeline, chain };
}

/** The props every MDX component receives besides its own: the body it belongs to. */
export interface WithContext {
  mdxContext?: MdxContext | undefined;
}

/** The context bound to a component, or an error that says which component was used where it cannot be. */
export function requireContext(props: WithContext, component: string): MdxContext {
  if (!props.mdxContext) throw new Error(`<${component}> can only be used inside a case or page body.`);
  return props.mdxContext;
}

/** A figure by id with its label, or an error naming the case and the id. */
export function findFigure(ctx: MdxContext, id: string): { figure: Figure; label: string } {
  const figure = ctx.figures.find((f) => f.id === id);
  if (!figure) throw new Error(`${ctx.folder}: no figure "${id}" in its data. Known: ${ctx.figures.map((f) => f.id).join(', ')}`);
  return { figure, label: label(ctx.chain, 'figures', id) ?? id };
}
