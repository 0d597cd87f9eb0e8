import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { localeCodes, sourceLocale, type LocaleCode } from '../i18n/locales.ts';

/** Where a translation stands. `stale`: its source changed after it was made. */
export type TranslationState = 'reviewed' | 'draft' | 'stale' | 'missing';

/** One cell of the status table: a folder (case or page) in one locale. */
export interface TranslationCell {
  folder: string;
  locale: LocaleCode;
  state: TranslationState;
  /** The locale it was translated from, and when that source last changed (ISO date, from git). */
  from?: LocaleCode | undefined;
  sourceUpdated?: string | undefined;
}

/**
 * The version of a text file that translations record: the first 12 hex digits of the SHA-256
 * of its content (line endings normalised). Any edit to the source changes it.
 */
export function sourceVersion(file: string): string {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The last commit date of a file (YYYY-MM-DD), or undefined outside git or for uncommitted files. */
function lastChanged(file: string): string | undefined {
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return date || undefined;
  } catch {
    return undefined;
  }
}

interface TranslationMeta {
  status?: 'draft' | 'reviewed';
  from?: LocaleCode;
  sourceVersion?: string;
}

function readMeta(file: string): TranslationMeta {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
  return ((parse(front) as { translation?: TranslationMeta } | null)?.translation ?? {}) as TranslationMeta;
}

/** The state of `{folder}/{locale}.mdx` under a content kind folder (`…/cases/transit-card`). */
export function translationCell(dir: string, locale: LocaleCode): TranslationCell {
  const folder = path.basename(dir);
  const file = path.join(dir, `${locale}.mdx`);
  if (!fs.existsSync(file)) return { folder, locale, state: 'missing' };
  const meta = readMeta(file);
  const from = meta.from ?? (locale === sourceLocale ? undefined : sourceLocale);
  if (!from) return { folder, locale, state: meta.status ?? 'draft' };
  const source = path.join(dir, `${from}.mdx`);
  const stale = fs.existsSync(source) && meta.sourceVersion !== undefined && meta.sourceVersion !== 'pending' && meta.sourceVersion !== sourceVersion(source);
  return { folder, locale, state: stale ? 'stale' : (meta.status ?? 'draft'), from, sourceUpdated: stale ? lastChanged(source) : undefined };
}

/** The whole table: every case and page folder × every locale. */
export function translationTable(contentDir: string): { kind: 'cases' | 'pages'; cells: TranslationCell[] }[] {
  return (['cases', 'pages'] as const).map((kind) => {
    const root = path.join(contentDir, kind);
    const folders = fs.existsSync(root) ? fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
    return { kind, cells: folders.flatMap((f) => localeCodes.map((l) => translationCell(path.join(root, f), l))) };
  });
}
