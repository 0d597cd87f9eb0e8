import type { AstroIntegration } from 'astro';
import { checkContent, ContentError, formatReport } from '../lib/check/index.ts';
import { contentDir } from '../lib/paths.ts';

/**
 * Lints `content/` before Astro loads it, so authors get one list of problems that names each
 * file, line and field. A build stops on errors; the dev server reports them on every save.
 */
export function contentCheck(): AstroIntegration {
  const dir = contentDir();
  return {
    name: 'ssm:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const problems = checkContent(dir);
        if (!problems.length) return;
        const hasErrors = problems.some((p) => p.severity === 'error');
        if (hasErrors && command === 'build') throw new ContentError(problems);
        (hasErrors ? logger.error : logger.warn).call(logger, formatReport(problems));
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(dir);
        server.watcher.on('change', (file) => {
          if (!file.startsWith(dir)) return;
          const problems = checkContent(dir);
          if (problems.length) logger.warn(formatReport(problems));
          else logger.info('content check: no problems');
        });
      },
    },
  };
}
