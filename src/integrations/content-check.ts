import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { mdxToMdast } from 'satteri';
import { checkContent, ContentError, formatReport, type Problem } from '../lib/check/index.ts';
import { checkSafety } from '../lib/check/mdx-file.ts';
import { formatProblem } from '../lib/check/problem.ts';
import { contentDir } from '../lib/paths.ts';

/**
 * Lints `content/` before Astro loads it, so authors get one list of problems that names each
 * file, line and field. A build stops on errors. The dev server checks again on every save and
 * shows errors in the browser (Vite's error overlay), not only in the terminal.
 */
export function contentCheck(): AstroIntegration {
  const dir = contentDir();
  return {
    name: 'ssm:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        updateConfig({ vite: { plugins: [safeMdx(dir)] } });
        const problems = checkContent(dir);
        if (!problems.length) return;
        const hasErrors = problems.some((p) => p.severity === 'error');
        if (hasErrors && command === 'build') throw new ContentError(problems);
        (hasErrors ? logger.error : logger.warn).call(logger, formatReport(problems));
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(dir);
        let last: Problem[] = checkContent(dir);
        const show = () => showInBrowser(server, last);
        server.ws.on('connection', show);
        server.watcher.on('change', (file) => {
          if (!file.startsWith(dir)) return;
          last = checkContent(dir);
          if (last.length) logger.warn(formatReport(last));
          else logger.info('content check: no problems');
          show();
        });
      },
    },
  };
}

/**
 * Sends the first content error to every open page as Vite's error overlay, with its file and line,
 * so an author sees it where they look (an invalid `<Callout type>` no longer renders as if fine).
 */
function showInBrowser(server: ViteDevServer, problems: readonly Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (!first) return;
  server.ws.send({
    type: 'error',
    err: {
      message: formatReport(errors),
      stack: '',
      plugin: 'ssm:content-check',
      id: first.file,
      ...(first.line ? { loc: { file: first.file, line: first.line, column: 1 } } : {}),
    },
  });
}

/**
 * Defence in depth for the safe MDX subset: every MDX file under the content folder is checked
 * again just before it is compiled, in `astro dev` as in `astro build`, so a `{…}` expression,
 * an import or raw HTML never becomes code, whatever the content lint was told.
 */
export function safeMdx(dir: string): Plugin {
  return {
    name: 'ssm:safe-mdx',
    enforce: 'pre',
    transform(code, id) {
      const file = id.replace(/[?#].*$/, '');
      if (!file.endsWith('.mdx') || !path.resolve(file).startsWith(dir + path.sep)) return undefined;
      let tree: unknown;
      try {
        tree = mdxToMdast(code);
      } catch {
        return undefined; // a syntax error: the MDX compiler reports it with its line
      }
      const problems = checkSafety(file, tree as Parameters<typeof checkSafety>[1]);
      const first = problems[0];
      if (first)
        this.error({ message: problems.map(formatProblem).join('\n'), id: file, ...(first.line ? { loc: { file, line: first.line, column: 1 } } : {}) });
      return undefined;
    },
  };
}
