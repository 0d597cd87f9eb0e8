import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { localeCodes, sourceLocale, type LocaleCode } from '../i18n/locales.ts';

/**
 * Where a text stands. `source`: the original; `reviewed`: a translation checked by a named
 * reviewer on a recorded day; `draft`: not reviewed; `stale`: its source changed after it was made.
 */
export type TranslationState = 'source' | 'reviewed' | 'draft' | 'stale' | 'missing';

/** One cell of the status table: a folder (case or page) in one locale. */
export interface TranslationCell {
  folder: string;
  locale: LocaleCode;
  state: TranslationState;
  /** The locale it was translated from, and when that source last changed (ISO date, from git). */
  from?: LocaleCode | undefined;
  sourceUpdated?: string | undefined;
  /** Who reviewed it and when (ISO date), for `reviewed` texts (also kept when it went stale). */
  reviewer?: string | undefined;
  reviewed?: string | undefined;
  /** When this file's words last changed (ISO date of its last commit), when known. */
  updated?: string | undefined;
}

/**
 * The version of a text file that translations record: the first 12 hex digits of the SHA-256
 * of its content (line endings normalised), leaving out its own `translation:` block — a review
 * recorded on the source, or its own re-stamping, changes no word a translator has to follow.
 */
export function sourceVersion(file: string): string {
  return versionOfText(fs.readFileSync(file, 'utf8'));
}

/** The version of a text (`sourceVersion` of a file with this content; also for texts read from git). */
export function versionOfText(text: string): string {
  const covered = text.replace(/\r\n/g, '\n').replace(/^translation:\n(?:[ \t]+.*\n)*/m, '');
  return createHash('sha256').update(covered).digest('hex').slice(0, 12);
}

/**
 * Last commit date (YYYY-MM-DD) of every file under a folder, from one `git log` (a process per
 * file would cost seconds on a large site). Read again after a minute, for long dev sessions.
 */
let commitDates: { root: string; at: number; dates: Map<string, string> } | undefined;
function lastChanged(file: string): string | undefined {
  const root = path.dirname(path.dirname(path.dirname(file)));
  if (!commitDates || commitDates.root !== root || Date.now() - commitDates.at > 60_000) {
    const dates = new Map<string, string>();
    try {
      const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      const log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--', '.'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 256 * 2 ** 20,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      for (const commit of log.split('\0').slice(1)) {
        const [date = '', ...files] = commit.trim().split('\n');
        for (const f of files) if (f && !dates.has(path.join(top, f))) dates.set(path.join(top, f), date);
      }
    } catch {
      // Outside git: no dates.
    }
    commitDates = { root, at: Date.now(), dates };
  }
  return commitDates.dates.get(path.resolve(file));
}

/** A text's `translation:` block, every value the string written. */
export interface TranslationMeta {
  status?: 'source' | 'draft' | 'reviewed';
  from?: LocaleCode;
  sourceVersion?: string;
  reviewer?: string;
  reviewed?: string;
}

/**
 * The `translation:` block of a text's frontmatter, read with YAML's failsafe schema (an unquoted
 * version such as 84620e693006 stays a string); undefined when the text has no frontmatter or it
 * is not YAML (the content check reports that).
 */
export function translationMeta(text: string): TranslationMeta | undefined {
  const front = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  if (front === undefined) return undefined;
  try {
    const meta = (parse(front, { schema: 'failsafe' }) as { translation?: unknown } | null)?.translation;
    return meta && typeof meta === 'object' ? (meta as TranslationMeta) : undefined;
  } catch {
    return undefined;
  }
}

function readMeta(file: string): TranslationMeta {
  return translationMeta(fs.readFileSync(file, 'utf8')) ?? {};
}

/**
 * Every page asks for its own cell: remembered until one of the folder's texts changes (in dev,
 * an edit is seen at once).
 */
const cells = new Map<string, TranslationCell>();

/** The state of `{folder}/{locale}.mdx` under a content kind folder (`…/cases/transit-card`). */
export function translationCell(dir: string, locale: LocaleCode): TranslationCell {
  const texts = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.mdx')) : [];
  const key = `${dir} ${locale} ${texts.map((f) => `${f}@${fs.statSync(path.join(dir, f)).mtimeMs}`).join(' ')}`;
  let cell = cells.get(key);
  if (!cell) cells.set(key, (cell = readCell(dir, locale)));
  return cell;
}

function readCell(dir: string, locale: LocaleCode): TranslationCell {
  const folder = path.basename(dir);
  const file = path.join(dir, `${locale}.mdx`);
  if (!fs.existsSync(file)) return { folder, locale, state: 'missing' };
  const meta = readMeta(file);
  const from = meta.from ?? (locale === sourceLocale ? undefined : sourceLocale);
  const known = { reviewer: meta.reviewer, reviewed: meta.reviewed, updated: lastChanged(file) };
  if (!from) return { folder, locale, state: meta.status ?? 'draft', ...known };
  const source = path.join(dir, `${from}.mdx`);
  const stale = fs.existsSync(source) && meta.sourceVersion !== undefined && meta.sourceVersion !== 'pending' && meta.sourceVersion !== sourceVersion(source);
  return { folder, locale, state: stale ? 'stale' : (meta.status ?? 'draft'), from, sourceUpdated: stale ? lastChanged(source) : undefined, ...known };
}

/** The whole table: every case and page folder × every locale. */
export function translationTable(contentDir: string): { kind: 'cases' | 'pages'; cells: TranslationCell[] }[] {
  return (['cases', 'pages'] as const).map((kind) => {
    const root = path.join(contentDir, kind);
    const folders = fs.existsSync(root)
      ? fs
          .readdirSync(root, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
          .sort()
      : [];
    return { kind, cells: folders.flatMap((f) => localeCodes.map((l) => translationCell(path.join(root, f), l))) };
  });
}
