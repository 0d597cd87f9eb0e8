import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { isLocale, localeCodes, sourceLocale } from '../i18n/locales.ts';
import { displayPath } from './paths.ts';
import { sourceVersion, translationMeta } from './translation-status.ts';

/** A review that cannot be recorded, with what to do instead: one line, printed as it is. */
export class ReviewRefused extends Error {
  override name = 'ReviewRefused';
}

/** What `npm run i18n:review` is asked: one translation, who reviewed it and when. */
export interface ReviewRequest {
  /** The translation's locale (`fr`). */
  locale?: string | undefined;
  /** A case (`content/cases/{case}/`) or one of the manual's pages (`content/pages/{page}/`): one of the two. */
  case?: string | undefined;
  page?: string | undefined;
  /** The reviewer's name, as it will be shown. */
  by?: string | undefined;
  /** The day of the review, `2026-12-02`; today (UTC) when not given. */
  date?: string | undefined;
}

/** A review recorded: in which file, by whom, on which day. */
export interface Review {
  file: string;
  reviewer: string;
  date: string;
}

const translations = localeCodes.filter((l) => l !== sourceLocale);
const folderName = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Records a review in a translation's `translation:` block (`status: reviewed`, `reviewer`,
 * `reviewed`), changing only those lines. Refuses, writing nothing, what the content check would
 * refuse or what would not be true: a review of the Korean source, of a missing file, of a
 * translation whose source changed since it was made, without a name, or on a day that is not a
 * real day up to today.
 */
export function recordReview(contentDir: string, request: ReviewRequest, today = new Date()): Review {
  const { locale, case: slug, page } = request;
  const choose = `one of ${translations.join(', ')}`;
  if (!locale) throw new ReviewRefused(`--locale is missing: name the translation to review, e.g. --locale fr (${choose})`);
  if (!isLocale(locale)) throw new ReviewRefused(`--locale ${locale} is not a locale of the manual: use ${choose}`);
  if (locale === sourceLocale)
    throw new ReviewRefused(`--locale ${locale}: the Korean original is the source, not a translation, and is not reviewed as one: use ${choose}`);
  if (!slug === !page) throw new ReviewRefused('name one text to review: --case <slug> (content/cases/<slug>/) or --page <name> (content/pages/<name>/)');
  const [kind, name] = slug ? (['cases', slug] as const) : (['pages', page ?? ''] as const);
  const option = kind === 'cases' ? '--case' : '--page';
  if (!folderName.test(name))
    throw new ReviewRefused(`${option} ${name}: give the folder's name under content/${kind}/, e.g. ${kind === 'cases' ? 'water-supply' : 'home'}`);
  const reviewer = checkReviewer(request.by);
  const date = checkDate(request.date, today);

  const dir = path.join(contentDir, kind, name);
  if (!fs.existsSync(dir)) throw new ReviewRefused(`${option} ${name}: there is no ${displayPath(dir)}/: check the name (npm run i18n:status lists them)`);
  const file = path.join(dir, `${locale}.mdx`);
  const shown = displayPath(file);
  if (!fs.existsSync(file)) throw new ReviewRefused(`${shown} does not exist: there is no ${locale} translation of ${name} to review yet`);
  const text = fs.readFileSync(file, 'utf8');
  const meta = translationMeta(text);
  if (!meta) throw new ReviewRefused(`${shown} has no translation: block in its frontmatter: run npm run check:content and fix it first`);
  if (meta.status === 'source') throw new ReviewRefused(`${shown} says status: source: the source is not reviewed as a translation`);
  const stamp = `npm run i18n:status -- --stamp ${shown}`;
  if (!meta.from) throw new ReviewRefused(`${shown} does not say which file it was translated from: add from: en (or ko) to its translation: block`);
  if (!meta.sourceVersion || meta.sourceVersion === 'pending')
    throw new ReviewRefused(`${shown} does not record the version of ${meta.from}.mdx it was made from: run ${stamp} first`);
  const source = path.join(dir, `${meta.from}.mdx`);
  if (!fs.existsSync(source))
    throw new ReviewRefused(`${shown} is translated from ${meta.from}.mdx, which does not exist: fix from: in its translation: block`);
  if (sourceVersion(source) !== meta.sourceVersion)
    throw new ReviewRefused(
      `${shown} is stale: ${meta.from}.mdx changed since it was translated (npm run i18n:status -- --diff shows how). Update the translation and run ${stamp} first, then review it`,
    );

  fs.writeFileSync(file, withReview(text, reviewer, date));
  return { file, reviewer, date };
}

/** The reviewer's name, trimmed; at least two characters, as the content check requires, on one line. */
function checkReviewer(by: string | undefined): string {
  const name = by?.trim() ?? '';
  if (!name) throw new ReviewRefused('--by is missing: give the reviewer\'s full name, e.g. --by "Kim Min-ji"');
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(name)) throw new ReviewRefused('--by: write the reviewer\'s name on one line, e.g. --by "Kim Min-ji"');
  if ([...name].length < 2)
    throw new ReviewRefused(`--by "${name}" is too short: give the reviewer's full name (2 characters or more), e.g. --by "Kim Min-ji"`);
  return name;
}

/** The day of the review: `YYYY-MM-DD`, a day that exists, not after today (UTC). Today when not given. */
function checkDate(date: string | undefined, today: Date): string {
  const now = today.toISOString().slice(0, 10);
  if (date === undefined) return now;
  const [y = 0, m = 0, d = 0] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)?.slice(1).map(Number) ?? [];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (!y || day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d)
    throw new ReviewRefused(`--date ${date} is not a day: write it as YYYY-MM-DD, e.g. --date ${now}`);
  if (date > now) throw new ReviewRefused(`--date ${date} is in the future (today is ${now}): give the day the review was done`);
  return date;
}

/**
 * The text with a review recorded in its `translation:` block: the `status:` value becomes
 * `reviewed` (a comment after it is kept), `reviewer:` and `reviewed:` lines are replaced or added
 * at the end of the block, indented as the block is. Every other byte stays as it was, line
 * endings included.
 */
export function withReview(text: string, reviewer: string, date: string): string {
  const lines = text.split(/(?<=\n)/);
  const eol = (line: string) => /\r?\n$/.exec(line)?.[0] ?? '';
  const body = (line: string) => line.slice(0, line.length - eol(line).length);
  const newline = eol(lines[0] ?? '') || '\n';
  const close = lines.findIndex((l, i) => i > 0 && body(l) === '---');
  const start = body(lines[0] ?? '') === '---' ? lines.findIndex((l, i) => i < close && /^translation:[ \t]*(?:#.*)?$/.test(body(l))) : -1;
  if (start < 0) throw new ReviewRefused('the frontmatter has no translation: block written as a block (translation: then indented lines)');
  let end = start + 1;
  while (end < close && /^[ \t]+\S/.test(lines[end] ?? '')) end++;
  const block = lines.slice(start + 1, end);
  const indent = /^[ \t]+/.exec(block[0] ?? '')?.[0] ?? '  ';
  const find = (key: string) => block.findIndex((l) => new RegExp(`^[ \\t]+${key}:`).test(l));

  const status = find('status');
  if (status < 0) throw new ReviewRefused('the translation: block has no status: line');
  block[status] = block[status]!.replace(/^([ \t]+status:[ \t]*)[^\s#]+/, '$1reviewed');
  const set = (key: string, value: string) => {
    const line = `${indent}${key}: ${value}${newline}`;
    const at = find(key);
    if (at >= 0) block[at] = line;
    else block.push(line);
  };
  // The name as YAML reads it back (quoted when it would otherwise be a number, a list or a comment).
  set('reviewer', stringify(reviewer, { lineWidth: 0 }).trimEnd());
  set('reviewed', date);
  const result = [...lines.slice(0, start + 1), ...block, ...lines.slice(end)].join('');

  // Read back as the content check reads it (YAML's core schema), to be sure of the quoting.
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(result)?.[1] ?? '';
  const written = (parse(front) as { translation?: { reviewer?: unknown; reviewed?: unknown } } | null)?.translation;
  if (written?.reviewer !== reviewer || String(written.reviewed) !== date) throw new Error(`recording the review would not read back as ${reviewer}, ${date}`);
  return result;
}
