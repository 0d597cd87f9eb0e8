import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/index.ts';
import { recordReview, ReviewRefused, withReview, type ReviewRequest } from '../../src/lib/translation-review.ts';
import { copyDir, outRoot, root } from '../setup/sites.ts';

/** A copy of the real content: the check of a reviewed file needs the facts and the other cases it links to. */
const scratch = path.join(outRoot, 'translation-review');
const caseDir = path.join(scratch, 'cases/water-supply');
const fr = path.join(caseDir, 'fr.mdx');
const today = new Date('2026-12-02T10:00:00Z');

beforeAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  copyDir(path.join(root, 'content'), scratch);
});

/** Each test starts from the committed case folder. */
beforeEach(() => {
  fs.rmSync(caseDir, { recursive: true, force: true });
  copyDir(path.join(root, 'content/cases/water-supply'), caseDir);
});

/** The script as staff run it, on the scratch content. */
function run(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/i18n-review.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SSM_CONTENT_DIR: scratch } });
}

/** Errors of the content check for one file. */
function errorsIn(file: string): string[] {
  return checkContent(scratch)
    .filter((p) => p.severity === 'error' && path.resolve(p.file) === file)
    .map((p) => `${p.field}: ${p.message}`);
}

/** The lines of a text outside its `translation:` block. */
function outsideBlock(text: string): string {
  return text.replace(/^translation:\n(?:[ \t]+.*\n)*/m, '');
}

describe('recording a review', () => {
  it('changes only the lines of the translation block, and the content check accepts the file', () => {
    const before = fs.readFileSync(fr, 'utf8');
    const review = recordReview(scratch, { locale: 'fr', case: 'water-supply', by: 'Camille Martin', date: '2026-11-30' }, today);
    expect(review).toEqual({ file: fr, reviewer: 'Camille Martin', date: '2026-11-30' });
    const after = fs.readFileSync(fr, 'utf8');
    expect(outsideBlock(after)).toBe(outsideBlock(before));
    expect(/^translation:\n(?:[ \t]+.*\n)*/m.exec(after)?.[0]).toBe(
      "translation:\n  status: reviewed\n  from: en\n  sourceVersion: '23ac9e580915'\n  reviewer: Camille Martin\n  reviewed: 2026-11-30\n",
    );
    expect(errorsIn(fr)).toEqual([]);
  });

  it('replaces an earlier review in place, keeps comments and CRLF line endings, quotes names YAML would misread', () => {
    const text = [
      '---',
      'title: T',
      'translation:',
      '    status: reviewed # checked',
      '    reviewer: Old Name',
      '    from: en',
      '    reviewed: 2025-01-01',
      '    sourceVersion: abc',
      '---',
      'Body',
      '',
    ].join('\r\n');
    expect(withReview(text, "O'Brien: #2", '2026-12-01')).toBe(
      [
        '---',
        'title: T',
        'translation:',
        '    status: reviewed # checked',
        `    reviewer: "O'Brien: #2"`,
        '    from: en',
        '    reviewed: 2026-12-01',
        '    sourceVersion: abc',
        '---',
        'Body',
        '',
      ].join('\r\n'),
    );
    expect(withReview('---\ntranslation:\n  status: draft\n---\n', '2024', '2026-12-01')).toBe(
      '---\ntranslation:\n  status: reviewed\n  reviewer: "2024"\n  reviewed: 2026-12-01\n---\n',
    );
  });

  it('is recorded by the script, for a page too, with today (UTC) as the default day', () => {
    const result = run('--locale', 'fr', '--case', 'water-supply', '--by', 'Camille Martin', '--date', '2026-11-30');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`reviewed ${path.relative(root, fr)}: Camille Martin, 2026-11-30\n`);
    expect(errorsIn(fr)).toEqual([]);

    const home = path.join(scratch, 'pages/home/es.mdx');
    const original = fs.readFileSync(path.join(root, 'content/pages/home/es.mdx'), 'utf8');
    try {
      const page = run('--locale', 'es', '--page', 'home', '--by', 'Ana García');
      expect(page.status).toBe(0);
      const day = new Date().toISOString().slice(0, 10);
      expect(page.stdout).toBe(`reviewed ${path.relative(root, home)}: Ana García, ${day}\n`);
      expect(fs.readFileSync(home, 'utf8')).toContain(`  status: reviewed\n  from: en\n  sourceVersion: '`);
      expect(fs.readFileSync(home, 'utf8')).toContain(`  reviewer: Ana García\n  reviewed: ${day}\n---\n`);
    } finally {
      fs.writeFileSync(home, original);
    }
  });
});

describe('refusing a review', () => {
  const ok: ReviewRequest = { locale: 'fr', case: 'water-supply', by: 'Camille Martin', date: '2026-11-30' };
  const refusals: [string, ReviewRequest, RegExp, (() => void)?][] = [
    ['an unknown locale', { ...ok, locale: 'xx' }, /^--locale xx is not a locale of the manual: use one of en, es, fr, ar, zh, vi, id$/],
    ['the Korean source', { ...ok, locale: 'ko' }, /^--locale ko: the Korean original is the source, not a translation/],
    [
      'a file that says it is the source',
      ok,
      /fr\.mdx says status: source: the source is not reviewed as a translation$/,
      () => edit(fr, '  status: draft\n', '  status: source\n'),
    ],
    ['no case and no page', { ...ok, case: undefined }, /^name one text to review: --case <slug>/],
    ['a folder name that is a path', { ...ok, case: '../pages' }, /^--case \.\.\/pages: give the folder's name under content\/cases\//],
    ['a case that does not exist', { ...ok, case: 'water-suply' }, /^--case water-suply: there is no .*cases\/water-suply\/: check the name/],
    ['a translation that does not exist', ok, /fr\.mdx does not exist: there is no fr translation of water-supply/, () => fs.rmSync(fr)],
    [
      'a stale translation',
      ok,
      /fr\.mdx is stale: en\.mdx changed since it was translated .* Update the translation and run npm run i18n:status -- --stamp .*fr\.mdx first/,
      () => fs.appendFileSync(path.join(caseDir, 'en.mdx'), '\nA new paragraph.\n'),
    ],
    [
      'a translation never stamped',
      ok,
      /fr\.mdx does not record the version of en\.mdx it was made from: run npm run i18n:status -- --stamp/,
      () => edit(fr, /sourceVersion: .*/, 'sourceVersion: pending'),
    ],
    ['no reviewer', { ...ok, by: undefined }, /^--by is missing: give the reviewer's full name/],
    ['a one-letter reviewer', { ...ok, by: ' K ' }, /^--by "K" is too short: give the reviewer's full name \(2 characters or more\)/],
    ['a date in another format', { ...ok, date: '30.11.2026' }, /^--date 30\.11\.2026 is not a day: write it as YYYY-MM-DD, e.g. --date 2026-12-02$/],
    ['a day that does not exist', { ...ok, date: '2026-02-30' }, /^--date 2026-02-30 is not a day/],
    ['a day to come', { ...ok, date: '2026-12-03' }, /^--date 2026-12-03 is in the future \(today is 2026-12-02\)/],
  ];

  it.each(refusals)('refuses %s, writing nothing', (_, request, message, prepare) => {
    prepare?.();
    const before = fs.existsSync(fr) ? fs.readFileSync(fr) : undefined;
    expect(() => recordReview(scratch, request, today)).toThrow(ReviewRefused);
    expect(() => recordReview(scratch, request, today)).toThrow(message);
    expect(fs.existsSync(fr) ? fs.readFileSync(fr) : undefined).toEqual(before);
  });

  it('refuses from the script with one line on stderr and exit code 2', () => {
    fs.appendFileSync(path.join(caseDir, 'en.mdx'), '\nA new paragraph.\n');
    const before = fs.readFileSync(fr);
    for (const [args, message] of [
      [['--locale', 'fr', '--case', 'water-supply', '--by', 'Camille Martin'], /^i18n:review: .*fr\.mdx is stale: en\.mdx changed since it was translated/],
      [['--locale', 'fr', '--case', 'water-supply', '--by'], /^i18n:review: Option '--by <value>' argument missing \(usage: /],
      [['--locale', 'fr', '--case', 'water-supply', '--by', 'Camille Martin', '--date', '2026-13-01'], /^i18n:review: --date 2026-13-01 is not a day/],
    ] as const) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(fs.readFileSync(fr)).toEqual(before);
    }
  });
});

function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`edit did not apply to ${file}: ${String(from)}`);
  fs.writeFileSync(file, changed);
}
