import fs from 'node:fs';
import path from 'node:path';
import { mdxToMdast } from 'satteri';
import { chartRefs, figureRefs, mdxProps, splitIds, type MdxComponentName } from '../../components/mdx/props.ts';
import type { Problem } from './problem.ts';
import { fieldMessages } from './zod-messages.ts';

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: JsxNode[];
}

/** What the body of an MDX file may refer to. */
export interface BodyContext {
  /** The figures of the case; undefined when its data is broken (then refs are not checked). */
  figureIds: ReadonlySet<string> | undefined;
  /** The charts of the case, likewise. */
  chartIds: ReadonlySet<string> | undefined;
  /** Every page path the site has (`/en/cases/subway/`), for links written in the body. */
  routes?: ReadonlySet<string> | undefined;
}

/**
 * Checks the body of an MDX file: syntax, components and their props, images and figure ids.
 * `body` is the whole file text, so that lines are the file's own.
 */
export function checkMdxBody(file: string, text: string, ctx: BodyContext): Problem[] {
  let tree: JsxNode;
  try {
    tree = mdxToMdast(text) as unknown as JsxNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/^(\d+):\d+/.exec(message)?.[1]) || undefined;
    return [{ severity: 'error', file, line, message: `MDX syntax error: ${message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '')}. Check tags are closed and braces balanced.` }];
  }
  const problems: Problem[] = [];
  const visit = (node: JsxNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      problems.push(...checkElement(file, node, ctx));
    }
    const url = (node as { url?: string }).url;
    if (node.type === 'link' && url?.startsWith('/') && ctx.routes && !ctx.routes.has(url.split('#')[0] ?? url)) {
      problems.push({ severity: 'error', file, line: node.position?.start.line, message: `the link to ${url} leads to no page. Link to a page the site has, such as /en/cases/subway/ (with the trailing slash).` });
    }
    if (node.type === 'mdxjsEsm') {
      problems.push({ severity: 'error', file, line: node.position?.start.line, message: 'imports and exports are not allowed in case files: every component is available without import.' });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}

function checkElement(file: string, node: JsxNode, ctx: BodyContext): Problem[] {
  const name = node.name as string;
  const line = node.position?.start.line;
  const err = (message: string, field?: string): Problem => ({ severity: 'error', file, line, field, message });
  if (!Object.hasOwn(mdxProps, name)) {
    const known = Object.keys(mdxProps).join(', ');
    return [err(`<${name}> is not a component authors can use. Known components: ${known} (docs/authoring.md).`)];
  }
  const component = name as MdxComponentName;
  const props: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
      problems.push(err(`<${name}> has a spread attribute; write each prop as name="value".`));
      continue;
    }
    if (attr.value !== null && typeof attr.value === 'object') {
      problems.push(err(`write ${attr.name} as plain text in quotes (${attr.name}="…"), not as a {…} expression.`, `<${name} ${attr.name}>`));
      continue;
    }
    props[attr.name] = attr.value ?? true;
  }
  const parsed = mdxProps[component].safeParse(props, { reportInput: true });
  if (!parsed.success) {
    for (const m of fieldMessages(parsed.error.issues)) problems.push(err(m.message, `<${name} ${m.path.join('.')}>`));
  }
  const refProp = figureRefs[component];
  const ref = refProp ? props[refProp] : undefined;
  if (typeof ref === 'string' && ctx.figureIds) {
    for (const id of splitIds(ref)) {
      if (!ctx.figureIds.has(id)) {
        problems.push(err(`"${id}" is not a figure of this case. Figures in case.yaml: ${[...ctx.figureIds].join(', ')}.`, `<${name} ${refProp}>`));
      }
    }
  }
  const chartProp = chartRefs[component];
  const chart = chartProp ? props[chartProp] : undefined;
  if (typeof chart === 'string' && ctx.chartIds && !ctx.chartIds.has(chart)) {
    problems.push(err(`"${chart}" is not a chart of this case. Charts in case.yaml: ${[...ctx.chartIds].join(', ') || 'none'}.`, `<${name} id>`));
  }
  if (component === 'Figure' && typeof props['src'] === 'string') {
    const image = path.resolve(path.dirname(file), props['src']);
    if (!fs.existsSync(image)) problems.push(err(`image ${props['src']} does not exist next to this file. Add it to the case folder or fix the name.`, `<Figure src>`));
  }
  return problems;
}
