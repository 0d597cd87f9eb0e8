import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { changedParagraphs, compactParts, sourceChanges, staleSourceChanges, wordDiff } from '../../src/lib/translation-diff.ts';
import { sourceVersion } from '../../src/lib/translation-status.ts';
import { copyDir, outRoot, root } from '../setup/sites.ts';

const scratch = path.join(outRoot, 'translation-diff');

beforeEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
});

function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`edit did not apply to ${file}: ${String(from)}`);
  fs.writeFileSync(file, changed);
}

/** Git in a scratch repository, as anyone (no signing, no global configuration needed). */
function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

describe('what changed in the source of a stale translation', () => {
  it('finds the version it was made from in git history, across a rename, and diffs it with the file on disk word by word', () => {
    const repo = path.join(scratch, 'repo');
    copyDir(path.join(root, 'content/cases/water-supply'), path.join(repo, 'cases/arisu'));
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'the case as translated');
    // Renamed and edited in one commit, then edited again without a commit.
    git(repo, 'mv', 'cases/arisu', 'cases/water-supply');
    const dir = path.join(repo, 'cases/water-supply');
    edit(path.join(dir, 'ko.mdx'), '1908년 9월 뚝도', '1908년 8월 뚝도');
    git(repo, 'commit', '-q', '-am', 'a date corrected');
    edit(path.join(dir, 'ko.mdx'), /^title: 서울의 수돗물 아리수$/m, 'title: 서울의 맑은 수돗물 아리수');
    fs.appendFileSync(path.join(dir, 'ko.mdx'), '\n새 문단입니다.\n');

    const changes = sourceChanges(path.join(dir, 'en.mdx'));
    expect(changes?.source).toBe(path.join(dir, 'ko.mdx'));
    expect(changes?.since).toBe(fs.readFileSync(path.join(dir, 'en.mdx'), 'utf8').match(/sourceVersion: '(\w+)'/)?.[1]);
    expect(changes?.now).toBe(sourceVersion(path.join(dir, 'ko.mdx')));
    const paragraphs = changes?.paragraphs ?? [];
    expect(paragraphs.map((p) => p.line)).toEqual([2, 58, paragraphs.at(-1)?.line]);
    expect(paragraphs[0]).toEqual({
      before: 'title: 서울의 수돗물 아리수',
      after: 'title: 서울의 맑은 수돗물 아리수',
      line: 2,
      parts: [{ value: 'title: 서울의 ' }, { value: '맑은 ', added: true }, { value: '수돗물 아리수' }],
    });
    // The body paragraph: the word removed and the word added, the rest kept.
    const date = paragraphs[1]!;
    expect(date.before).toMatch(/^서울의 근대식 상수도는 1908년 9월 뚝도 정수장에서/);
    expect(date.after).toBe(date.before.replace('9월', '8월'));
    expect(date.parts.filter((p) => p.removed)).toEqual([{ value: '9월', removed: true }]);
    expect(date.parts.filter((p) => p.added)).toEqual([{ value: '8월', added: true }]);
    expect(date.parts[0]).toEqual({ value: '서울의 근대식 상수도는 1908년 ' });
    expect(paragraphs[2]).toMatchObject({ before: '', after: '새 문단입니다.', parts: [{ value: '새 문단입니다.', added: true }] });

    // The translations made from en.mdx are current: nothing changed.
    expect(sourceChanges(path.join(dir, 'fr.mdx'))?.paragraphs).toEqual([]);
    // A version that git never saw.
    edit(path.join(dir, 'en.mdx'), /sourceVersion: '\w+'/, "sourceVersion: 'abcdefabcdef'");
    expect(sourceChanges(path.join(dir, 'en.mdx'))).toBeUndefined();
  });

  it('looks up a copy outside git history in the project content, and groups translations made from one version', () => {
    // As the tests' variant site: a copy of content/ that git does not track.
    const copy = path.join(scratch, 'copy');
    const dir = path.join(copy, 'cases/transit-card');
    copyDir(path.join(root, 'content/cases/transit-card'), dir);
    fs.appendFileSync(path.join(dir, 'ko.mdx'), '\n서울시는 2026년에 이 사례의 내용을 보완했습니다.\n');
    edit(path.join(dir, 'en.mdx'), 'On 1 July 2004, the same day as its bus reform,', 'On 1 July 2004, together with its bus reform,');

    const fromKorean = sourceChanges(path.join(dir, 'en.mdx'));
    expect(fromKorean?.paragraphs).toEqual([
      {
        before: '',
        after: '서울시는 2026년에 이 사례의 내용을 보완했습니다.',
        line: fs.readFileSync(path.join(dir, 'ko.mdx'), 'utf8').split('\n').length - 1,
        parts: [{ value: '서울시는 2026년에 이 사례의 내용을 보완했습니다.', added: true }],
      },
    ]);

    const groups = staleSourceChanges(copy);
    expect(groups.map(({ folder, from, locales, files }) => ({ folder, from, locales, files: files.length }))).toEqual([
      { folder: 'cases/transit-card', from: 'ko', locales: ['en'], files: 1 },
      { folder: 'cases/transit-card', from: 'en', locales: ['es', 'fr', 'ar', 'zh', 'vi', 'id'], files: 6 },
    ]);
    const [change] = groups[1]!.changes!.paragraphs;
    expect(change!.parts.filter((p) => p.removed || p.added)).toEqual([
      { value: 'the same day as', removed: true },
      { value: 'together with', added: true },
    ]);
  });

  it('is undefined, without an error, outside any git repository', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-diff-'));
    try {
      const dir = path.join(tmp, 'cases/not-in-the-project');
      copyDir(path.join(root, 'content/cases/nanjido'), dir);
      fs.appendFileSync(path.join(dir, 'ko.mdx'), '\n추가.\n');
      expect(sourceChanges(path.join(dir, 'en.mdx'))).toBeUndefined();
      expect(staleSourceChanges(tmp)).toMatchObject([{ folder: 'cases/not-in-the-project', locales: ['en'], changes: undefined }]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('paragraphs and words', () => {
  it('pairs a changed paragraph with its new text, and shows removed and added paragraphs whole', () => {
    const before = '---\ntitle: A\ntranslation:\n  status: source\n---\n\nFirst paragraph stays.\n\nSeoul fixed the old pipes.\n\nGone entirely now.\n';
    const after = '---\ntitle: A\ntranslation:\n  status: draft\n---\n\nFirst paragraph stays.\n\nBrand new words here.\n\nSeoul fixed the old water pipes.\n';
    expect(changedParagraphs(before, after)).toEqual([
      { before: '', after: 'Brand new words here.', line: 9, parts: [{ value: 'Brand new words here.', added: true }] },
      {
        before: 'Seoul fixed the old pipes.',
        after: 'Seoul fixed the old water pipes.',
        line: 11,
        parts: [{ value: 'Seoul fixed the old ' }, { value: 'water ', added: true }, { value: 'pipes.' }],
      },
      { before: 'Gone entirely now.', after: '', line: 12, parts: [{ value: 'Gone entirely now.', removed: true }] },
    ]);
  });

  it('joins changes separated by spaces and cuts long kept runs for reading', () => {
    expect(wordDiff('개편 후 중앙버스전용차로 구간의 통행', '개편 후 전체 체계에서 집계된 통행')).toEqual([
      { value: '개편 후 ' },
      { value: '중앙버스전용차로 구간의', removed: true },
      { value: '전체 체계에서 집계된', added: true },
      { value: ' 통행' },
    ]);
    const long = 'word '.repeat(60);
    const parts = compactParts([{ value: long }, { value: 'new', added: true }, { value: ` ${long}` }], 20);
    expect(parts.map((p) => p.value)).toEqual(['… word word word word ', 'new', ' word word word word …']);
  });
});
