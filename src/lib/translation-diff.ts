import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Diff, diffArrays } from 'diff';
import type { LocaleCode } from '../i18n/locales.ts';
import { projectRoot } from './paths.ts';
import { translationMeta, translationTable, versionOfText } from './translation-status.ts';

/** A run of words in a word diff: kept (neither flag), removed from the old text or added in the new one. */
export interface WordPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** One paragraph of the source that changed: `before` is empty when it was added, `after` when it was removed. */
export interface ParagraphChange {
  before: string;
  after: string;
  /** Where the paragraph is (or, removed, was) in the current source file: its first line, from 1. */
  line: number;
  /** The paragraph word by word, as `before` became `after`. */
  parts: WordPart[];
}

/** What changed in a translation's source since the version the translation was made from. */
export interface SourceChanges {
  /** The source file (`…/cases/transit-card/ko.mdx`). */
  source: string;
  /** The version the translation records (`sourceVersion`), and the source's current version. */
  since: string;
  now: string;
  /** Only the paragraphs that changed, in the order of the current source. */
  paragraphs: ParagraphChange[];
}

/**
 * What changed in the source of `translationFile` since the version it was made from, paragraph
 * by paragraph with a word diff of each; `{ paragraphs: [] }` when the translation is current.
 *
 * The old text is found by its version: the source file on disk, then every version of it in git
 * (`git log --follow`, so a renamed folder keeps its history), until one hashes to the translation's
 * `sourceVersion`. `undefined` when the file is not a stamped translation, or when no version
 * matches (the source was edited and re-edited without a commit in between, or the history is
 * not there): the version it was made from is not in git history.
 *
 * A content folder that git does not track — a copy such as the tests' variant site
 * (`tests/.out/content-variant`, ignored by git) or one outside any repository — has no history
 * of its own. Its files are then looked up at the same place in the project's own `content/`:
 * `<contentDir>/cases/x/ko.mdx` → `<project>/content/cases/x/ko.mdx`, that file on disk and its
 * history, while the "after" text is always the file actually on disk. Only a text whose version
 * is the one the translation records is used, so looking in the wrong place can only find nothing.
 */
export function sourceChanges(translationFile: string): SourceChanges | undefined {
  const stamp = readStamp(translationFile);
  if (!stamp) return undefined;
  const source = path.join(path.dirname(translationFile), `${stamp.from}.mdx`);
  if (!fs.existsSync(source)) return undefined;
  const after = fs.readFileSync(source, 'utf8');
  const now = versionOfText(after);
  const key = `${source}\0${stamp.version}\0${fs.statSync(source).mtimeMs}`;
  const known = remembered.get(key);
  if (known) return known;
  let before: string | undefined;
  if (now === stamp.version) before = after;
  else {
    for (const text of earlierTexts(source)) {
      if (versionOfText(text) === stamp.version) {
        before = text;
        break;
      }
    }
  }
  if (before === undefined) return undefined;
  const changes = { source, since: stamp.version, now, paragraphs: now === stamp.version ? [] : changedParagraphs(before, after) };
  remembered.set(key, changes);
  return changes;
}

/** Answers by source file, the version asked for and the file's modification time: the status page asks once per translation. */
const remembered = new Map<string, SourceChanges>();

/** The locale a translation was made from and the version it records, when it records one. */
function readStamp(file: string): { from: LocaleCode; version: string } | undefined {
  if (!fs.existsSync(file)) return undefined;
  const { from, sourceVersion: version } = translationMeta(fs.readFileSync(file, 'utf8')) ?? {};
  if (typeof from !== 'string' || typeof version !== 'string' || version === 'pending') return undefined;
  return { from, version };
}

/**
 * Earlier texts of a source file, newest first: its versions in git; or, when git has none (see
 * {@link sourceChanges}), the file at the same place in the project's `content/` and its versions.
 */
function* earlierTexts(file: string): Generator<string> {
  const own = history(file);
  if (own.length) {
    for (const revision of own) yield show(revision);
    return;
  }
  const contentDir = path.dirname(path.dirname(path.dirname(file)));
  const project = projectContent();
  if (!project) return;
  const mapped = path.join(project, path.relative(contentDir, file));
  if (path.resolve(mapped) === path.resolve(file)) return;
  if (fs.existsSync(mapped)) yield fs.readFileSync(mapped, 'utf8');
  for (const revision of history(mapped)) yield show(revision);
}

/**
 * The project's own `content/`. `projectRoot` comes from this module's location, which is another
 * folder once Astro has bundled it into a page; a build runs in the project folder (Astro's root),
 * so the working folder is the second guess.
 */
function projectContent(): string | undefined {
  return [projectRoot, process.cwd()].map((dir) => path.join(dir, 'content')).find((dir) => fs.existsSync(path.join(dir, 'cases')));
}

/** A version of a file in git: the commit, the repository's top folder, and the file's path there then. */
interface Revision {
  top: string;
  hash: string;
  path: string;
}

/** Every commit that changed a file, newest first, following renames; none outside git or when git does not track it. */
function history(file: string): Revision[] {
  // Git names files by their real path (a temporary folder may be a link elsewhere).
  if (fs.existsSync(file)) file = fs.realpathSync(file);
  // Run from the nearest folder that exists: the mapped file's case may not exist in the project.
  let cwd = path.dirname(file);
  while (!fs.existsSync(cwd) && path.dirname(cwd) !== cwd) cwd = path.dirname(cwd);
  try {
    const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
    const log = git(top, ['log', '--format=%x00%H', '--name-only', '--follow', '--', path.relative(top, file)]);
    return log
      .split('\0')
      .slice(1)
      .flatMap((entry) => {
        const [hash = '', ...names] = entry.split('\n').filter(Boolean);
        const name = names.at(-1);
        return hash && name ? [{ top, hash, path: name }] : [];
      });
  } catch {
    // Not a git repository, or git is not installed: no history.
    return [];
  }
}

/** Texts of files in commits never change: each is read from git once. */
const blobs = new Map<string, string>();

/** A file as it was in a commit (empty when git cannot show it). */
function show({ top, hash, path: name }: Revision): string {
  const key = `${top}\0${hash}\0${name}`;
  let text = blobs.get(key);
  if (text === undefined) {
    try {
      text = git(top, ['show', `${hash}:${name}`]);
    } catch {
      text = '';
    }
    blobs.set(key, text);
  }
  return text;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** A paragraph of a text and its first line. */
interface Paragraph {
  text: string;
  line: number;
}

/**
 * A text cut into what a translator compares: each line of the frontmatter (a title, a figure's
 * label) and each block of the body between blank lines, with its line in the file. The
 * `translation:` block is left out, as from the version.
 */
export function paragraphs(text: string): Paragraph[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const result: Paragraph[] = [];
  let start = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      for (let i = 1; i < end; i++) {
        if (lines[i] === 'translation:') while (/^[ \t]+\S/.test(lines[i + 1] ?? '') && i + 1 < end) i++;
        else if (lines[i]?.trim()) result.push({ text: lines[i]!, line: i + 1 });
      }
      start = end + 1;
    }
  }
  let block: string[] = [];
  for (let i = start; i <= lines.length; i++) {
    const line = lines[i];
    if (line?.trim()) block.push(line);
    else if (block.length) {
      result.push({ text: block.join('\n'), line: i - block.length + 1 });
      block = [];
    }
  }
  return result;
}

/**
 * The paragraphs that differ between two texts. Paragraphs are aligned first (a diff of the lists
 * of paragraphs); within a run of removed and added paragraphs, each removed one is paired, in
 * order, with the added one that shares most of its words (when they share at least half), and
 * shown as one paragraph changed word by word; the rest are shown as removed or added whole.
 */
export function changedParagraphs(before: string, after: string): ParagraphChange[] {
  const old = paragraphs(before);
  const now = paragraphs(after);
  const end = (now.at(-1)?.line ?? 0) + 1;
  const result: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  let removed: Paragraph[] = [];
  let added: Paragraph[] = [];
  const flush = () => {
    if (removed.length || added.length) result.push(...pairUp(removed, added, now[j]?.line ?? end));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(
    old.map((p) => p.text),
    now.map((p) => p.text),
  )) {
    const count = change.value.length;
    if (change.removed) removed.push(...old.slice(i, (i += count)));
    else if (change.added) added.push(...now.slice(j, (j += count)));
    else {
      flush();
      i += count;
      j += count;
    }
  }
  flush();
  return result;
}

/** Shown in order: a removed paragraph where it stood, a changed one word by word, an added one whole. */
function pairUp(removed: Paragraph[], added: Paragraph[], nextLine: number): ParagraphChange[] {
  // best[r][a]: the most words shared by pairs among the first r removed and a added paragraphs.
  const best = Array.from({ length: removed.length + 1 }, () => new Array<number>(added.length + 1).fill(0));
  const score = (r: number, a: number) => similarity(removed[r]?.text ?? '', added[a]?.text ?? '');
  for (let r = 1; r <= removed.length; r++)
    for (let a = 1; a <= added.length; a++) {
      const s = score(r - 1, a - 1);
      best[r]![a] = Math.max(best[r - 1]![a]!, best[r]![a - 1]!, s >= 0.5 ? best[r - 1]![a - 1]! + s : 0);
    }
  const pairs: [number, number][] = [];
  for (let r = removed.length, a = added.length; r > 0 && a > 0;) {
    if (best[r]![a] === best[r - 1]![a]) r--;
    else if (best[r]![a] === best[r]![a - 1]) a--;
    else pairs.unshift([--r, --a]);
  }
  const result: ParagraphChange[] = [];
  let r = 0;
  let a = 0;
  for (const [pr, pa] of [...pairs, [removed.length, added.length] as [number, number]]) {
    for (; r < pr; r++) {
      const text = removed[r]!.text;
      result.push({ before: text, after: '', line: added[a]?.line ?? nextLine, parts: [{ value: text, removed: true }] });
    }
    for (; a < pa; a++) {
      const text = added[a]!.text;
      result.push({ before: '', after: text, line: added[a]!.line, parts: [{ value: text, added: true }] });
    }
    if (r < removed.length && a < added.length) {
      const [before, after] = [removed[r]!.text, added[a]!.text];
      result.push({ before, after, line: added[a]!.line, parts: wordDiff(before, after) });
      r++;
      a++;
    }
  }
  return result;
}

/** How much two paragraphs have in common: shared words over all words (Dice), 0 to 1. */
function similarity(a: string, b: string): number {
  const words = (t: string) => new Set(tokens(t).filter((w) => w.trim()));
  const [x, y] = [words(a), words(b)];
  if (!x.size && !y.size) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/**
 * Tokens as `diffWordsWithSpace` cuts them (a word, a run of spaces, a line break, a punctuation
 * mark), with words in every script: jsdiff counts only Latin letters as word characters and would
 * compare Korean letter by letter, pairing up unrelated words that share a particle. Han and kana,
 * written without spaces, stay one character per token.
 */
function tokens(text: string): string[] {
  return (
    text.match(/\r?\n|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{M}\p{N}_])+|[^\S\r\n]+|./gsu) ?? []
  );
}

/** jsdiff's word diff with space, with {@link tokens} for words. */
class WordsWithSpace extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return tokens(value);
  }
  override join(chars: string[]): string {
    return chars.join('');
  }
}
const wordsWithSpace = new WordsWithSpace();

/**
 * Two paragraphs word by word: runs of kept, removed and added words. Changes separated only by
 * spaces are joined, as git's word diff shows them: `[-old two words-]{+new three words+}` rather
 * than `[-old-]{+new+} [-two-]{+three+} {+words+}`.
 */
export function wordDiff(before: string, after: string): WordPart[] {
  const changes = wordsWithSpace.diff(before, after);
  const result: WordPart[] = [];
  for (let i = 0; i < changes.length;) {
    if (!changes[i]!.added && !changes[i]!.removed) {
      result.push({ value: changes[i++]!.value });
      continue;
    }
    // The run of changes from here, through kept spaces between them.
    let end = i + 1;
    for (let k = end; k < changes.length; k++) {
      const c = changes[k]!;
      if (c.added || c.removed) end = k + 1;
      else if (c.value.trim()) break;
    }
    const run = changes.slice(i, end);
    let removed = run.filter((c) => !c.added).reduce((t, c) => t + c.value, '');
    let added = run.filter((c) => !c.removed).reduce((t, c) => t + c.value, '');
    i = end;
    if (!removed.trim() || !added.trim()) {
      // Words only added or only removed: nothing to join.
      result.push(...run.map(({ value, added, removed }) => ({ value, ...(added && { added }), ...(removed && { removed }) })));
      continue;
    }
    // Spaces at both ends of the old and the new words are kept, not changed.
    const lead = commonPrefix(/^\s*/.exec(removed)![0], /^\s*/.exec(added)![0]);
    const trail = commonSuffix(/\s*$/.exec(removed)![0], /\s*$/.exec(added)![0]);
    removed = removed.slice(lead.length, removed.length - trail.length);
    added = added.slice(lead.length, added.length - trail.length);
    if (lead) result.push({ value: lead });
    if (removed) result.push({ value: removed, removed: true });
    if (added) result.push({ value: added, added: true });
    if (trail) result.push({ value: trail });
  }
  // Neighbouring kept runs (a space given back above) as one.
  return result.reduce<WordPart[]>((parts, part) => {
    const last = parts.at(-1);
    if (last && !last.added && !last.removed && !part.added && !part.removed) last.value += part.value;
    else parts.push(part);
    return parts;
  }, []);
}

function commonPrefix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

function commonSuffix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return a.slice(a.length - n);
}

/**
 * A changed paragraph made short enough to read at a glance: a run of kept words longer than
 * about `keep` characters on each side of a change is cut to its ends, with `…` for the rest.
 */
export function compactParts(parts: readonly WordPart[], keep = 60): WordPart[] {
  return parts.map((part, index) => {
    if (part.added || part.removed || part.value.length <= 2 * keep + 10) return part;
    const head = index > 0 ? cutAfter(part.value, keep) : '';
    const tail = index < parts.length - 1 ? cutBefore(part.value, keep) : '';
    return { value: [head, '…', tail].filter(Boolean).join(' ') };
  });
}

/** The first `keep` or so characters of a text, up to the end of a word. */
function cutAfter(text: string, keep: number): string {
  const space = text.indexOf(' ', keep);
  return text.slice(0, space > 0 && space < keep * 1.5 ? space : keep).trimEnd();
}

/** The last `keep` or so characters of a text, from the start of a word. */
function cutBefore(text: string, keep: number): string {
  const space = text.lastIndexOf(' ', text.length - keep);
  return text.slice(space > 0 && space > text.length - keep * 1.5 ? space + 1 : text.length - keep);
}

/** Stale translations made from the same version of the same source, and what changed in it since. */
export interface StaleGroup {
  /** `cases/transit-card`. */
  folder: string;
  from: LocaleCode;
  /** The stale translations, `cases/transit-card/fr.mdx`, relative to the content folder. */
  files: string[];
  locales: LocaleCode[];
  /** The version of the source they were made from. */
  since: string;
  /** `undefined`: the version they were made from is not in git history. */
  changes: SourceChanges | undefined;
}

/**
 * Every stale translation under a content folder with what changed in its source, grouped: six
 * translations made from one version of `en.mdx` share one list of changes.
 */
export function staleSourceChanges(contentDir: string): StaleGroup[] {
  const groups = new Map<string, StaleGroup>();
  for (const { kind, cells } of translationTable(contentDir))
    for (const cell of cells) {
      if (cell.state !== 'stale' || !cell.from) continue;
      const file = path.join(contentDir, kind, cell.folder, `${cell.locale}.mdx`);
      const folder = `${kind}/${cell.folder}`;
      const since = readStamp(file)?.version ?? '';
      const key = `${folder} ${cell.from} ${since}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { folder, from: cell.from, files: [], locales: [], since, changes: sourceChanges(file) }));
      group.files.push(`${folder}/${cell.locale}.mdx`);
      group.locales.push(cell.locale);
    }
  return [...groups.values()];
}
