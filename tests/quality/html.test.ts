import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { sites } from '../setup/sites.ts';

describe('valid HTML', () => {
  it('every built web page passes html-validate’s recommended rules', async () => {
    // Titles in French or Vietnamese run long (100 characters still fit a search result); heading ids
    // in Arabic, Korean or Chinese are valid HTML ids, which the strict ASCII reading of valid-id refuses.
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'long-title': ['error', { maxlength: 100 }], 'valid-id': ['error', { relaxed: true }] },
    });
    const dir = sites.main.out;
    const files = (fs.globSync('**/index.html', { cwd: dir }) as string[]).filter((f) => !f.startsWith('print/')).sort();
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(fs.readFileSync(path.join(dir, file), 'utf8'), file);
      for (const m of report.results.flatMap((r) => r.messages)) problems.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
