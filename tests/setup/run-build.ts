import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './sites.ts';

interface BuildOptions {
  content: string;
  out: string;
  cacheDir?: string;
  pdf?: boolean;
}

/** The command line of `npm run build` against another content folder and output folder. */
export function buildArgs(opts: BuildOptions): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  // The tests' own caches, beside their output: never the developer's `.build/`.
  const cacheDir = opts.cacheDir ?? `${opts.out}.cache`;
  return {
    command: process.execPath,
    args: [path.join(root, 'scripts/build.ts'), '--out', opts.out],
    env: {
      ...process.env,
      SSM_CONTENT_DIR: opts.content,
      SSM_CACHE_DIR: cacheDir,
      SSM_PDF_CACHE_DIR: `${cacheDir}-pdf`,
      SSM_FONT_CACHE_DIR: `${cacheDir}-fonts`,
      SSM_LOG_LEVEL: 'silent',
      SSM_SKIP_PDF: opts.pdf ? '0' : '1',
    },
  };
}

/** Runs `npm run build` the way a user does, against another content folder and output folder. */
export function runBuild(opts: BuildOptions) {
  const { command, args, env } = buildArgs(opts);
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}
