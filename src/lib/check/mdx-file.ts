import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { mdxToMdast } from 'satteri';
import { linkPath } from '../routes.ts';
import { chartRefs, figureRefs, mdxProps, splitIds, type MdxComponentName } from '../../components/mdx/props.ts';
import type { Problem } from './problem.ts';
import { fieldMessages } from './zod-messages.ts';

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: JsxNode[];
  value?: string;
  url?: string;
  depth?: number;
}

/**
 * The only HTML elements a body may use, with the attributes each may carry: text-level marks
 * Markdown has no syntax for. Everything else is a component from the table, or Markdown.
 */
export const allowedHtml: Readonly<Record<string, readonly string[]>> = { br: [], sup: [], sub: [], abbr: ['title'] };

/** Link targets a body may use: a site path, an anchor on the page, or a web or mail address. */
const linkSchemes = /^(?:https?:\/\/|mailto:)/i;

/** The words of a node, as a heading id is made from them. */
function textOf(node: JsxNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
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
  const customId = text.split('\n').findIndex((l) => /^#{1,6}\s.*\{#[^}]*\}\s*$/.test(l));
  if (customId >= 0) {
    const id = /\{(#[^}]*)\}\s*$/.exec(text.split('\n')[customId] ?? '')?.[1] ?? '#id';
    return [
      {
        severity: 'error',
        file,
        line: customId + 1,
        message: `custom heading ids ({${id}}) are not supported: a heading's id is made from its words. Remove the braces; link to the heading with its id (e.g. #results).`,
      },
    ];
  }
  let tree: JsxNode;
  try {
    tree = mdxToMdast(text) as unknown as JsxNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/^(\d+):\d+/.exec(message)?.[1]) || undefined;
    return [
      {
        severity: 'error',
        file,
        line,
        message: `MDX syntax error: ${message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '')}. Check tags are closed and braces balanced.`,
      },
    ];
  }
  const problems: Problem[] = [...checkSafety(file, tree)];
  const anchors = headingAnchors(file, tree, problems);
  const visit = (node: JsxNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      problems.push(...checkElement(file, node, ctx));
    }
    if (node.type === 'link' && node.url !== undefined) problems.push(...checkLink(file, node.url, node.position?.start.line, ctx.routes, anchors));
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}

/**
 * The safe subset: Markdown, components from the table with literal props, and a few HTML marks.
 * Nothing that runs at build time (`{…}` expressions, imports), no raw HTML or `set:html`.
 * Also used by the build itself (`src/integrations/content-check.ts`), so unsafe content never
 * compiles, in `astro dev` as in `astro build`.
 */
export function checkSafety(file: string, tree: JsxNode): Problem[] {
  const problems: Problem[] = [];
  const err = (node: JsxNode, message: string, field?: string) => problems.push({ severity: 'error', file, line: node.position?.start.line, field, message });
  const visit = (node: JsxNode, parent?: JsxNode) => {
    switch (node.type) {
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (parent?.type === 'heading' && node.value?.trim().startsWith('#')) {
          err(
            node,
            `custom heading ids ({${node.value.trim()}}) are not supported: a heading's id is made from its words. Remove the braces; link to the heading with its id (e.g. #results).`,
          );
        } else {
          err(
            node,
            `a {…} expression would run as code when the site is built; content is text only. Write the words themselves, use <Value id="…" /> for a figure, or write \\{ for a literal brace.`,
          );
        }
        return;
      case 'mdxjsEsm':
        err(node, 'imports and exports are not allowed in case files: every component is available without import.');
        return;
      case 'image':
        err(
          node,
          `Markdown images (![…](${node.url ?? ''})) are not allowed: use <Figure src="./file.svg" alt="…" caption="…" credit="…" /> with an image in the case folder.`,
        );
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (!name) {
          err(node, 'an empty tag (<>…</>) is not allowed: write the text without it.');
          return;
        }
        for (const attr of node.attributes ?? []) {
          if (attr.type === 'mdxJsxAttribute' && attr.name?.includes(':'))
            err(
              node,
              `${attr.name} is not allowed: content is text, and an attribute with ":" is a build directive. Write the words in the body instead.`,
              `<${name} ${attr.name}>`,
            );
        }
        if (/^[a-z]/.test(name)) {
          const allowed = allowedHtml[name];
          if (!allowed) {
            err(
              node,
              `raw HTML <${name}> is not allowed in content. Use Markdown or a component (docs/authoring.md); the only HTML allowed is ${Object.keys(
                allowedHtml,
              )
                .map((n) => `<${n}>`)
                .join(', ')}.`,
            );
            return;
          }
          for (const attr of node.attributes ?? []) {
            if (attr.type !== 'mdxJsxAttribute' || !attr.name || (!allowed.includes(attr.name) && !attr.name.includes(':'))) {
              err(node, `<${name}> takes ${allowed.length ? `only ${allowed.join(', ')}` : 'no attributes'}.`, `<${name} ${attr.name ?? '…'}>`);
            } else if (attr.value !== null && typeof attr.value === 'object') {
              err(node, `write ${attr.name} as plain text in quotes (${attr.name}="…"), not as a {…} expression.`, `<${name} ${attr.name}>`);
            }
          }
        }
        break;
      }
    }
    node.children?.forEach((child) => visit(child, node));
  };
  visit(tree);
  return problems;
}

/** The ids the body's headings get (as the build makes them); empty and repeated ones are errors. */
function headingAnchors(file: string, tree: JsxNode, problems: Problem[]): Set<string> {
  const slugger = new GithubSlugger();
  const seen = new Map<string, number | undefined>();
  const visit = (node: JsxNode) => {
    if (node.type === 'heading') {
      const words = textOf(node).trim();
      const id = new GithubSlugger().slug(words);
      const line = node.position?.start.line;
      if (!id) problems.push({ severity: 'error', file, line, message: 'this heading has no words to make an id from: write a heading with words in it.' });
      else if (seen.has(id))
        problems.push({
          severity: 'error',
          file,
          line,
          message: `two headings read "${words}" (the other on line ${seen.get(id)}): their ids would collide. Reword one of them.`,
        });
      else seen.set(id, line);
      slugger.slug(words);
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return new Set(seen.keys());
}

/** A link in a body: a site path the site serves, an anchor on this page, or a full web or mail address. */
function checkLink(file: string, url: string, line: number | undefined, routes: ReadonlySet<string> | undefined, anchors: ReadonlySet<string>): Problem[] {
  const err = (message: string): Problem[] => [{ severity: 'error', file, line, message }];
  if (url.startsWith('#')) {
    const id = decodeURIComponent(url.slice(1));
    return anchors.has(id) || id.startsWith('source-')
      ? []
      : err(`the link to ${url} points at no heading on this page. Headings here: ${[...anchors].map((a) => `#${a}`).join(', ') || 'none'}.`);
  }
  if (url.startsWith('/')) {
    if (url.startsWith('//')) return err(`${url} is an address without a scheme: write it in full, starting with https://.`);
    const target = linkPath(url);
    return !routes || routes.has(target)
      ? []
      : err(
          `the link to ${url} leads to no page. Link to a page the site has, such as /en/cases/subway/ (with the trailing slash), or a PDF such as /pdf/en/manual.pdf.`,
        );
  }
  if (linkSchemes.test(url)) return [];
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return err(`links to "${url.split(':')[0]}:" addresses are not allowed: use https://, mailto: or a site path.`);
  return err(`the relative link ${url} depends on where the page is: write a site path such as /en/cases/subway/, or a full https:// address.`);
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
    if (!fs.existsSync(image))
      problems.push(err(`image ${props['src']} does not exist next to this file. Add it to the case folder or fix the name.`, `<Figure src>`));
  }
  return problems;
}
