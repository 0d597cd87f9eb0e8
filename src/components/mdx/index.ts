import After from './After.astro';
import Before from './Before.astro';
import Callout from './Callout.astro';
import Chart from './Chart.astro';
import Compare from './Compare.astro';
import Figure from './Figure.astro';
import KeyFigures from './KeyFigures.astro';
import Quote from './Quote.astro';
import Steps from './Steps.astro';
import Timeline from './Timeline.astro';
import Value from './Value.astro';
import type { MdxContext } from '../../lib/mdx-context.ts';
import type { MdxComponentName } from './props.ts';

/** The components MDX bodies may use; no imports in content. */
const mdxComponents: Record<MdxComponentName, unknown> = {
  KeyFigures,
  Value,
  Figure,
  Callout,
  Quote,
  Timeline,
  Chart,
  Steps,
  Compare,
  Before,
  After,
};

type AstroFactory = ((result: unknown, props: Record<string, unknown>, slots: unknown) => unknown) & Record<string, unknown>;

/**
 * The components for one body, each bound to that body's case or page: pass the result to
 * `<Content components={…}>`. Binding through props rather than `Astro.locals` matters because
 * Astro renders sibling components concurrently, and the manual renders many bodies in one page.
 * A bound component is an Astro component factory (a function flagged `isAstroComponentFactory`)
 * that calls the original with `mdxContext` added to its props.
 */
export function mdxComponentsFor(mdxContext: MdxContext): Record<MdxComponentName, unknown> {
  return Object.fromEntries(
    Object.entries(mdxComponents).map(([name, component]) => {
      const original = component as AstroFactory;
      const bound = ((result: unknown, props: Record<string, unknown>, slots: unknown) => original(result, { ...props, mdxContext }, slots)) as AstroFactory;
      Object.assign(bound, { isAstroComponentFactory: true, moduleId: original['moduleId'], propagation: original['propagation'] });
      return [name, bound];
    }),
  ) as Record<MdxComponentName, unknown>;
}
