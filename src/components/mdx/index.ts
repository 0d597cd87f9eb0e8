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
import type { MdxComponentName } from './props.ts';

/** The components MDX bodies may use, passed to `<Content components={…}>`; no imports in content. */
export const mdxComponents: Record<MdxComponentName, unknown> = {
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
