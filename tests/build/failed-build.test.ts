import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../setup/run-build.ts';
import { copyDir, outRoot, root, sites } from '../setup/sites.ts';

/**
 * The "last good build" a user would have in `out`: pages and a PDF as a build leaves them. The
 * builds here never reach the swap, so what the folder holds matters only in that it must survive.
 */
function lastGoodBuild(out: string): void {
  fs.rmSync(out, { recursive: true, force: true });
  const files: [string, string][] = [
    ['index.html', '<!doctype html><title>Seoul Solutions Manual</title>'],
    ['en/cases/transit-card/index.html', '<!doctype html><title>T-money</title><h1>T-money</h1>'],
    ['en/cases/subway/index.html', '<!doctype html><title>Subway</title><h1>Subway</h1>'],
    ['pdf/en/manual.pdf', '%PDF-1.7\n% the last good manual\n'],
  ];
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), text);
  }
}

describe('a failed build', () => {
  it('exits non-zero, names the broken file, and leaves the previous dist/ in place', () => {
    const content = path.join(outRoot, 'content-broken');
    const out = path.join(outRoot, 'dist-kept');
    fs.rmSync(content, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
    copyDir(sites.main.content, content);
    copyDir(path.join(root, 'tests/fixtures/valid-case/cases'), path.join(content, 'cases'));
    const broken = path.join(content, 'cases/pilot-library/ko.mdx');
    fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace('<KeyFigures ids="visitors" />', '<Graph />'));
    lastGoodBuild(out);
    const before = fs.readFileSync(path.join(out, 'en/cases/transit-card/index.html'), 'utf8');

    const result = runBuild({ content, out });

    expect(result.status).not.toBe(0);
    expect(result.output).toContain('cases/pilot-library/ko.mdx:');
    expect(result.output).toContain('<Graph> is not a component');
    expect(result.output).toContain('previous build');
    expect(fs.readFileSync(path.join(out, 'en/cases/transit-card/index.html'), 'utf8')).toBe(before);
    expect(fs.readdirSync(outRoot).filter((n) => n.startsWith('dist-kept.'))).toEqual([]);
  });
});

describe('content that tries to run code', () => {
  it('stops the build before anything runs: the payload writes no file', () => {
    const content = path.join(outRoot, 'content-payload');
    const out = path.join(outRoot, 'dist-payload');
    const marker = path.join(outRoot, 'payload-ran.txt');
    fs.rmSync(content, { recursive: true, force: true });
    fs.rmSync(marker, { force: true });
    copyDir(path.join(root, 'tests/fixtures/valid-case'), content);
    const file = path.join(content, 'cases/pilot-library/ko.mdx');
    fs.appendFileSync(file, `\n{(await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'ran')}\n`);

    const result = runBuild({ content, out });

    expect(result.status).not.toBe(0);
    expect(result.output).toContain('cases/pilot-library/ko.mdx:');
    expect(result.output).toContain('a {…} expression would run as code');
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('an interrupted build', () => {
  it.each(['SIGINT', 'SIGKILL'] as const)('leaves the previous dist/ usable when killed with %s', async (signal) => {
    const out = path.join(outRoot, `dist-${signal}`);
    lastGoodBuild(out);
    const page = path.join(out, 'en/cases/subway/index.html');
    const before = fs.readFileSync(page, 'utf8');
    const child = spawn(process.execPath, [path.join(root, 'scripts/build.ts'), '--out', out], {
      cwd: root,
      env: { ...process.env, SSM_CONTENT_DIR: sites.main.content, SSM_CACHE_DIR: `${out}.cache`, SSM_SKIP_PDF: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Kill it in the middle of the Astro build.
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('[build] site →') && setTimeout(resolve, 2500)));
    child.kill(signal);
    await new Promise((resolve) => child.on('exit', resolve));
    expect(fs.readFileSync(page, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(out, 'pdf/en/manual.pdf'))).toBe(true);
  });
});
