import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../setup/run-build.ts';
import { copyDir, outRoot, root, sites, smallContent } from '../setup/sites.ts';

/**
 * Build safety when several people build at once: the lock on the output folder, leftovers of
 * stopped builds, what an author sees when the content is wrong, and `npm run pdf`'s argument
 * checks. Every build here is site-only and builds what it needs itself (no global setup).
 */

/** A fresh scratch folder name under `tests/.out/`, with its lock, work folder and cache cleared. */
function scratch(name: string): string {
  const out = path.join(outRoot, name);
  for (const p of [out, `${out}.lock`]) fs.rmSync(p, { recursive: true, force: true });
  for (const kind of ['staging', 'previous']) {
    for (const dir of [outRoot, path.join(outRoot, '.build')]) {
      for (const n of fs.existsSync(dir) ? fs.readdirSync(dir) : [])
        if (n.startsWith(`${name}.${kind}-`)) fs.rmSync(path.join(dir, n), { recursive: true, force: true });
    }
  }
  return out;
}

/** What a build leaves next to its output folder, by name: lock, staging and previous folders. */
function leftovers(out: string): string[] {
  const name = path.basename(out);
  return [outRoot, path.join(outRoot, '.build')].flatMap((dir) =>
    (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((n) => /^\.(lock|staging-\d+|previous-\d+)$/.test(n.slice(name.length)) && n.startsWith(name)),
  );
}

/** A pid that no process has: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('one build at a time per output folder', () => {
  it('stops a second build into a folder that a running build has locked, at once and with a message, and leaves that build alone', () => {
    const out = scratch('safety-locked');
    // The running build: a live process holding the lock, its output and its staging folder.
    const running = spawn('sleep', ['120'], { stdio: 'ignore' });
    children.push(running);
    const lock = `${out}.lock`;
    const lockText = JSON.stringify({ pid: running.pid, started: new Date().toISOString() });
    fs.writeFileSync(lock, lockText);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'index.html'), 'the first build');
    const staging = path.join(outRoot, '.build', `safety-locked.staging-${running.pid}`);
    fs.mkdirSync(staging, { recursive: true });
    fs.writeFileSync(path.join(staging, 'index.html'), 'half written');

    const t0 = Date.now();
    const result = runBuild({ content: sites.main.content, out });

    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        String.raw`^\[build\] another build \(pid ${running.pid}, started \d\d:\d\d:\d\d\) is writing tests/\.out/safety-locked/: ` +
          String.raw`wait for it to finish, or stop it\. If no build is running, delete tests/\.out/safety-locked\.lock\.$`,
      ),
    );
    // It stopped before Astro started.
    expect(result.output).not.toContain('[build] site →');
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(fs.readFileSync(lock, 'utf8')).toBe(lockText);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the first build');
    expect(fs.readFileSync(path.join(staging, 'index.html'), 'utf8')).toBe('half written');
    running.kill('SIGKILL');
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(lock);
  });

  it('takes over a lock left by a build that is no longer running, removes its leftovers, and builds', () => {
    const out = scratch('safety-stale');
    const dead = deadPid();
    fs.writeFileSync(`${out}.lock`, JSON.stringify({ pid: dead, started: new Date(Date.now() - 3_600_000).toISOString() }));
    // Leftovers of the stopped build: in .build/, and beside the output where older builds kept them.
    for (const dir of [path.join(outRoot, '.build', `safety-stale.staging-${dead}`), path.join(outRoot, `safety-stale.staging-${dead}`)]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.html'), '<p class="bg-pink-900">left behind</p>');
    }

    const result = runBuild({ content: smallContent(path.join(outRoot, 'content-safety-small')), out });

    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(String.raw`\[build\] took over tests/\.out/safety-stale\.lock from a build that is no longer running \(pid ${dead}, started [\d: -]+\)\n`),
    );
    expect(fs.existsSync(path.join(out, 'en/cases/subway/index.html'))).toBe(true);
    // Lock released, leftovers gone, nothing of this build left beside the output.
    expect(leftovers(out)).toEqual([]);
  });

  it('removes its lock and its staging folder when stopped with SIGTERM, and leaves the previous output usable', async () => {
    const out = scratch('safety-term');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'index.html'), 'the last good build');
    const child = spawn(process.execPath, [path.join(root, 'scripts/build.ts'), '--out', out], {
      cwd: root,
      env: { ...process.env, SSM_CONTENT_DIR: sites.main.content, SSM_CACHE_DIR: `${out}.cache`, SSM_SKIP_PDF: '1', SSM_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('[build] site →') && setTimeout(resolve, 2000)));
    expect(fs.existsSync(`${out}.lock`)).toBe(true);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));

    expect(code).toBe(143);
    expect(stderr).toContain('[build] stopped by SIGTERM');
    expect(stderr).toContain('the previous build in tests/.out/safety-term/ is untouched');
    expect(leftovers(out)).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last good build');
  });
});

describe('a build whose content has errors', () => {
  it("prints the author's report first and alone, then one line saying nothing was replaced", () => {
    // The same broken fixture as the failed-build test: a Korean case that uses a component that does not exist.
    const content = path.join(outRoot, 'content-safety-broken');
    fs.rmSync(content, { recursive: true, force: true });
    copyDir(sites.main.content, content);
    copyDir(path.join(root, 'tests/fixtures/valid-case/cases'), path.join(content, 'cases'));
    const broken = path.join(content, 'cases/pilot-library/ko.mdx');
    fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace('<KeyFigures ids="visitors" />', '<Graph />'));
    const out = scratch('safety-content');

    const result = runBuild({ content, out });

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Content check: 1 error\(s\), \d+ warning\(s\)$/);
    expect(lines[1]).toMatch(/^✖ tests\/\.out\/content-safety-broken\/cases\/pilot-library\/ko\.mdx:\d+$/);
    expect(lines[2]).toContain('<Graph> is not a component');
    expect(lines.at(-2)).toBe('');
    expect(lines.at(-1)).toMatch(/^\[build\] FAILED after [\d.]+ s: nothing was written\.$/);
    expect(result.output).not.toMatch(/unhandled error|\n\s+at |\[ERROR\]/i);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('npm run pdf argument errors', () => {
  const pdf = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts/pdf.ts'), ...args], { cwd: root, encoding: 'utf8' });
  // No built site is needed: these are checked before the site is.
  const noSite = ['--site', 'tests/.out/no-such-site', '--locale', 'es'];
  const temps = (dir: string) => fs.readdirSync(dir).filter((n) => n.includes('.tmp-'));

  it.each([
    [
      'an empty case list',
      ['--cases', ',,,', '--out', 'tests/.out/pack.pdf'],
      'npm run pdf: --cases lists no case: name at least one, e.g. --cases water-supply,transit-card',
    ],
    [
      'an existing folder as --out',
      ['--cases', 'subway', '--out', 'tests/.out'],
      'npm run pdf: --out tests/.out is a folder: name the file to write, e.g. --out tests/.out/pack.pdf',
    ],
    [
      'a booklet asked of the print edition',
      ['--cases', 'subway', '--edition', 'print', '--booklet', '--out', 'tests/.out/pack.pdf'],
      'npm run pdf: --booklet is made from the screen edition (an office printer has no bleed): leave out --edition print',
    ],
    [
      'an --out in a folder that does not exist',
      ['--cases', 'subway', '--out', 'tests/.out/no-such-folder/pack.pdf'],
      'npm run pdf: --out tests/.out/no-such-folder/pack.pdf: the folder tests/.out/no-such-folder/ does not exist; create it first',
    ],
  ])('fails with exit 2 and one line for %s, before anything else is printed or written', (_, args, message) => {
    const result = pdf([...noSite, ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\n`);
    expect(temps(outRoot)).toEqual([]);
    expect(fs.existsSync(path.join(outRoot, 'no-such-folder'))).toBe(false);
  });

  it('checks the built site only after the arguments', () => {
    const result = pdf([...noSite, '--cases', 'subway', '--out', 'tests/.out/pack.pdf']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('npm run pdf: no built site in tests/.out/no-such-site/: run `npm run build` first\n');
  });
});
