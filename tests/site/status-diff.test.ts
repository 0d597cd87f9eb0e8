import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { outRoot, readPage, root, sites } from '../setup/sites.ts';

/** The sentence `tests/setup/global-setup.ts` appends to the Korean source of transit-card in the variant site. */
const added = '서울시는 2026년에 이 사례의 내용을 보완했습니다.';

// The variant content is a copy git does not track: its history is read from the project's content/.
describe('what changed in the source since a stale translation', () => {
  it('is shown on the staff status page, word by word, in the source language', () => {
    const $ = load(readPage('variant', 'status'));
    const section = $('#source-changes').closest('section');
    const stale = section.find('.source-changes');
    expect(stale.length).toBe(1);
    expect(stale.attr('data-folder')).toBe('cases/transit-card');
    expect(stale.attr('data-locales')).toBe('en');
    expect(stale.find('h3').text()).toContain('cases/transit-card/en.mdx');
    const paragraph = stale.find('p[data-change]');
    expect(paragraph.length).toBe(1);
    expect(paragraph.attr('lang')).toBe('ko');
    expect(paragraph.attr('data-change')).toBe('added');
    expect(paragraph.find('ins').text()).toBe(added);
    expect(paragraph.find('del').length).toBe(0);
  });

  it('says so on the main site, where no translation is stale', () => {
    const $ = load(readPage('main', 'status'));
    expect($('.source-changes').length).toBe(0);
    expect($('#source-changes').closest('section').text()).toContain('No translation is stale.');
  });

  it('is printed by `npm run i18n:status -- --diff` in git’s word-diff style', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/i18n-status.ts'), '--diff', '--json', path.join(outRoot, 'i18n-status-diff.json')], {
      env: { ...process.env, SSM_CONTENT_DIR: sites.variant.content },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /\ncases\/transit-card\/en\.mdx: ko\.mdx changed since version [0-9a-f]{12} \(now [0-9a-f]{12}\)\n {2}ko\.mdx:\d+ \{\+서울시는 2026년에 이 사례의 내용을 보완했습니다\.\+\}\n/,
    );
  });
});
