import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './sites.ts';

/** Runs `npm run build` the way a user does, against another content folder and output folder. */
export function runBuild(opts: { content: string; out: string; cacheDir?: string; pdf?: boolean }) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.ts'), '--out', opts.out], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      SSM_CONTENT_DIR: opts.content,
      SSM_CACHE_DIR: opts.cacheDir ?? path.join(opts.out + '.cache'),
      SSM_LOG_LEVEL: 'silent',
      SSM_SKIP_PDF: opts.pdf ? '0' : '1',
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}
