import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { countHeadlines } from '../../src/lib/headline-counts.ts';
import { formatEntryYear, formatValue } from '../../src/lib/format.ts';
import type { TrackRecordEntry } from '../../src/schemas/case-data.ts';
import { scratchContent } from '../setup/scratch.ts';
import { copyDir, root } from '../setup/sites.ts';

const { dir: scratch, caseDir, reset, edit, write, report } = scratchContent('claims');

/** A manual-wide fact file with one figure, as `content/facts.yaml`. */
const facts = `figures:
  - { id: officials-trained-2012, value: 393, unit: number, year: 2012, source: SI-2013 }
sources:
  - { id: SI-2013, title: Overseas expansion brief, publisher: The Seoul Institute, date: "2013" }
`;

/** A track-record page with one headline count. */
function trackRecordPage(words: string, kinds = '[export, consulting]'): void {
  write('pages/track-record/page.yaml', `counts:\n  - id: delivered\n    kinds: ${kinds}\n`);
  write('pages/track-record/ko.mdx', `---\ntitle: 해외 진출 실적\nsummary: 서울이 해외 도시와 함께한 일을 종류별로 모았습니다.\ncounts:\n  delivered: "${words}"\ntranslation:\n  status: source\n---\n\n본문.\n`);
}

beforeEach(() => {
  reset();
  write('facts.yaml', facts);
});

describe('claims a reader can check', () => {
  it('refuses a reviewed translation that does not say who reviewed it and when', () => {
    write('cases/pilot-library/en.mdx', fs.readFileSync(path.join(caseDir, 'ko.mdx'), 'utf8').replace('status: source', 'status: reviewed\n  from: ko'));
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 2 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/en.mdx:14
          translation.reviewer: a reviewed text names its reviewer: add \`reviewer: Full Name\` (npm run i18n:review records it), or set status: draft.
      ✖ content/cases/pilot-library/en.mdx:14
          translation.reviewed: a reviewed text records the day of the review: add \`reviewed: 2026-11-30\`, or set status: draft."
    `);
  });

  it('accepts a review recorded by name and date', () => {
    write('cases/pilot-library/en.mdx', fs.readFileSync(path.join(caseDir, 'ko.mdx'), 'utf8').replace('status: source', 'status: reviewed\n  from: ko\n  reviewer: Kim Min-ji\n  reviewed: 2026-11-30'));
    expect(report()).toBe('Content check: 0 error(s), 0 warning(s)');
  });

  it('refuses a translation that calls itself the source', () => {
    write('cases/pilot-library/en.mdx', fs.readFileSync(path.join(caseDir, 'ko.mdx'), 'utf8'));
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/en.mdx:15
          translation.status: only the Korean original (ko.mdx) is the source; this file is a translation: status draft, or reviewed with reviewer and date."
    `);
  });

  it('refuses a track-record entry whose kind is not one of the defined kinds', () => {
    edit('cases/pilot-library/case.yaml', 'kind: study', 'kind: adoption');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:27
          trackRecord.0.kind: the text "adoption" is not allowed. Use one of: export, consulting, oda, project, training, mou, study, bid."
    `);
  });

  it('refuses a headline count whose words do not name the kinds it counts', () => {
    trackRecordPage('서울의 해법을 도입한 도시 {cities}곳');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/pages/track-record/ko.mdx:5
          counts.delivered: a headline count must name the kinds it counts: put {kinds} where the list of kinds goes (the build writes it in this language), and {cities} / {countries} for the numbers."
    `);
    trackRecordPage('실적({kinds}): {cities}개 도시');
    expect(report()).toBe('Content check: 0 error(s), 0 warning(s)');
  });

  it('refuses a headline count over a kind that does not exist', () => {
    trackRecordPage('실적({kinds}): {cities}개 도시', '[export, adoption]');
    expect(report()).toContain('counts.0.kinds.1: the text "adoption" is not allowed');
  });

  it('refuses one fact with two values in two places, naming both', () => {
    copyDir(caseDir, path.join(scratch, 'cases/pilot-library-two'));
    edit('cases/pilot-library-two/case.yaml', 'value: 4900', 'value: 5200');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 5 error(s), 0 warning(s)
      ✖ content/cases/pilot-library-two/case.yaml:11
          figures.visitors: one fact, two values: "visitors" is 5200 number (2014, P6) here but 4900 number (2014, P6) in content/cases/pilot-library/case.yaml. If they are one fact, keep the sourced value once in content/facts.yaml; if they count different things, give each its own id and a label that says what it counts.
      ✖ content/cases/pilot-library-two/case.yaml:16
          figures.events: "events" is also written out in content/cases/pilot-library/case.yaml: a figure used in several places is defined once, in content/facts.yaml, and used with \`- fact: events\`.
      ✖ content/cases/pilot-library-two/case.yaml:17
          figures.floor-area: "floor-area" is also written out in content/cases/pilot-library/case.yaml: a figure used in several places is defined once, in content/facts.yaml, and used with \`- fact: floor-area\`.
      ✖ content/cases/pilot-library-two/case.yaml:18
          figures.visitors-total: "visitors-total" is also written out in content/cases/pilot-library/case.yaml: a figure used in several places is defined once, in content/facts.yaml, and used with \`- fact: visitors-total\`.
      ✖ content/cases/pilot-library-two/case.yaml:19
          figures.floors: "floors" is also written out in content/cases/pilot-library/case.yaml: a figure used in several places is defined once, in content/facts.yaml, and used with \`- fact: floors\`."
    `);
  });

  it('asks for a figure repeated with the same value to be defined once in facts.yaml', () => {
    copyDir(caseDir, path.join(scratch, 'cases/pilot-library-two'));
    expect(report()).toContain('"visitors" is also written out in content/cases/pilot-library/case.yaml: a figure used in several places is defined once, in content/facts.yaml, and used with `- fact: visitors`.');
  });

  it('refuses a case that writes out a figure facts.yaml defines, and a reference to no fact', () => {
    edit('cases/pilot-library/case.yaml', '  - { id: floors, value: 2, unit: number, year: 2013, source: P6 }', '  - { id: officials-trained-2012, value: 226, unit: number, year: 2012, source: P6 }\n  - fact: oficials-trained-2012\n  - { id: floors, value: 2, unit: number, year: 2013, source: P6 }');
    const text = report();
    expect(text).toContain('figures.4.id: "officials-trained-2012" is defined once for the whole manual in content/facts.yaml: write `- fact: officials-trained-2012` instead of repeating its value');
    expect(text).toContain('figures.5.fact: "oficials-trained-2012" is not a figure in content/facts.yaml (known: officials-trained-2012)');
  });

  it('uses a fact by reference, with its source from facts.yaml', () => {
    edit('cases/pilot-library/case.yaml', '  - { id: floors, value: 2, unit: number, year: 2013, source: P6 }', '  - { id: floors, value: 2, unit: number, year: 2013, source: P6 }\n  - fact: officials-trained-2012');
    edit('cases/pilot-library/ko.mdx', '  floors: 층수', '  floors: 층수\n  officials-trained-2012: 2012년 초청 연수 공무원');
    edit('cases/pilot-library/ko.mdx', '도서관을 열었습니다.', '도서관을 열었습니다. 2012년 <Value id="officials-trained-2012" />명이 연수를 받았습니다.');
    expect(report()).toBe('Content check: 0 error(s), 0 warning(s)');
  });

  it('refuses a headline figure whose source a reader cannot trace', () => {
    edit('cases/pilot-library/case.yaml', '    url: https://world.seoul.go.kr/\n', '');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 5 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:29
          sources.P6: "P6" backs the headline figure "visitors" but has neither an address (url) nor a date: a reader cannot trace it. Add its url or date, or do not highlight "visitors".
      ✖ content/cases/pilot-library/case.yaml:29
          sources.P6: "P6" backs the headline figure "events" but has neither an address (url) nor a date: a reader cannot trace it. Add its url or date, or do not highlight "events".
      ✖ content/cases/pilot-library/case.yaml:29
          sources.P6: "P6" backs the headline figure "floor-area" but has neither an address (url) nor a date: a reader cannot trace it. Add its url or date, or do not highlight "floor-area".
      ✖ content/cases/pilot-library/case.yaml:29
          sources.P6: "P6" backs the headline figure "visitors-total" but has neither an address (url) nor a date: a reader cannot trace it. Add its url or date, or do not highlight "visitors-total".
      ✖ content/cases/pilot-library/case.yaml:29
          sources.P6: "P6" backs the headline figure "floors" but has neither an address (url) nor a date: a reader cannot trace it. Add its url or date, or do not highlight "floors"."
    `);
  });

  it('refuses a source without a publisher', () => {
    edit('cases/pilot-library/case.yaml', '    publisher: Seoul Metropolitan Government\n', '');
    expect(report()).toContain('sources.0.publisher: is missing. Add `publisher:` with text.');
  });
});

describe('what readers see of a claim', () => {
  const entry = (e: Partial<TrackRecordEntry>): TrackRecordEntry => ({ id: 'x', city: 'Manila', country: 'PH', year: 2012, yearInferred: false, kind: 'export', source: 'S', unverified: false, ...e });

  it('shows an inferred year as inferred and an undated entry as undated', () => {
    const words = { circa: 'c. {{year}}', undated: 'undated' };
    expect(formatEntryYear(entry({}), words)).toBe('2012');
    expect(formatEntryYear(entry({ year: 2013, yearInferred: true }), words)).toBe('c. 2013');
    expect(formatEntryYear(entry({ year: undefined }), words)).toBe('undated');
  });

  it('counts only the kinds a headline names, only confirmed entries, and names the kinds in the words', () => {
    const rows = [
      entry({ city: 'Wellington', country: 'NZ', kind: 'export' }),
      entry({ city: 'Bangkok', country: 'TH', kind: 'consulting' }),
      entry({ city: 'Manila', country: 'PH', kind: 'bid' }),
      entry({ city: 'New York', country: 'US', kind: 'bid' }),
      entry({ city: 'Auckland', country: 'NZ', kind: 'export', unverified: true }),
    ];
    const [delivered, explored] = countHeadlines(
      rows,
      [
        { id: 'delivered', kinds: ['export', 'consulting'] },
        { id: 'explored', kinds: ['bid'] },
      ],
      (id) => (id === 'delivered' ? 'Delivered ({kinds}): {cities} cities in {countries} countries' : 'Bids ({kinds}): {cities} cities'),
      (kind) => ({ export: 'export', consulting: 'consulting', bid: 'bid' })[kind as string] ?? kind,
      'en',
    );
    expect(delivered?.text).toBe('Delivered (export and consulting): 2 cities in 2 countries');
    expect(explored?.text).toBe('Bids (bid): 2 cities');
  });

  it('writes a population ratio as a multiple, not as a growth rate', () => {
    expect(formatValue(4.3, 'times', 'en')).toBe('4.3×');
    expect(formatValue(4.3, 'times', 'fr')).toBe('4,3×');
    expect(formatValue(4.3, 'times', 'ko')).toBe('4.3배');
  });
});

describe('the real manual', () => {
  it('gives the 2012 training figures once each, with the series that fell in 2009', () => {
    const text = fs.readFileSync(path.join(root, 'content/facts.yaml'), 'utf8');
    expect(text).toMatch(/id: officials-trained-2012, value: 393/);
    expect(text).toMatch(/id: course-trainees-2012, value: 226/);
    expect(text).toMatch(/id: course-trainees-2009, value: 112/);
    for (const file of fs.globSync(path.join(root, 'content/**/*.mdx'))) {
      const body = fs.readFileSync(file, 'utf8');
      expect(body, file).not.toMatch(/uses the 226 figure|year on year|433\s?%/i);
    }
  });

  it('claims no review on any Korean original, and records every review by name and date', () => {
    for (const file of fs.globSync(path.join(root, 'content/{cases,pages}/*/*.mdx'))) {
      const front = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
      if (file.endsWith('/ko.mdx')) expect(front, file).toMatch(/status: source/);
      if (/status: reviewed/.test(front)) expect(front, file).toMatch(/reviewer: .+\n\s+reviewed: \d{4}-\d{2}-\d{2}/);
    }
  });
});
