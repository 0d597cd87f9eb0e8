/**
 * The translation round trip with agencies: `exportLocale` turns a locale's MDX translations into
 * XLIFF units (source = the text each translation was made from, per its `translation.from`;
 * target = the current translation); `importXliff` writes translated units back, changing only
 * the words of changed units, and refuses anything that does not fit. See docs/translation.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { diffArrays } from 'diff';
import { readGlossary } from '../check/glossary.ts';
import { localeCodes, type LocaleCode } from '../../i18n/locales.ts';
import { displayPath } from '../paths.ts';
import { sourceVersion, translationCell, translationMeta } from '../translation-status.ts';
import { contentKey, encodeAttribute, encodeYaml, plainText, renderInline, segment, type Code, type Inline, type Unit } from './segment.ts';
import { readXliff, writeXliff, type SegmentState, type XliffFile, type XliffUnit } from './xliff.ts';

/** A translation file, the file it was translated from, and its metadata. */
interface Pair {
  folder: string;
  kind: 'cases' | 'pages';
  name: string;
  target: string;
  source: string;
  from: LocaleCode;
  status: string;
  stale: boolean;
}

/** The SHA-256 (12 hex) of a file's bytes: the version of a translation at export. */
function fileVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The translations of `locale` under the content folder (cases and pages), in folder order. */
function pairs(contentDir: string, locale: LocaleCode): Pair[] {
  return (['cases', 'pages'] as const).flatMap((kind) => {
    const root = path.join(contentDir, kind);
    if (!fs.existsSync(root)) return [];
    return fs
      .readdirSync(root)
      .sort()
      .flatMap((name): Pair[] => {
        const folder = path.join(root, name);
        const target = path.join(folder, `${locale}.mdx`);
        if (!fs.existsSync(target)) return [];
        const meta = translationMeta(fs.readFileSync(target, 'utf8')) ?? {};
        if (!meta.from || !localeCodes.includes(meta.from as LocaleCode) || meta.status === 'source') return [];
        const source = path.join(folder, `${meta.from}.mdx`);
        if (!fs.existsSync(source)) return [];
        return [
          {
            folder,
            kind,
            name,
            target,
            source,
            from: meta.from as LocaleCode,
            status: meta.status ?? 'draft',
            stale: translationCell(folder, locale).state === 'stale',
          },
        ];
      });
  });
}

/**
 * Source and target units side by side. Frontmatter fields pair by their path; body units by
 * position along the longest common run of blocks of the same kind showing the same values (a
 * paragraph the translation split or merged is left out, and reported).
 */
export function alignUnits(source: Unit[], target: Unit[]): { pairs: { id: string; source: Unit; target: Unit }[]; unmatched: Unit[]; untranslated: Unit[] } {
  const byId = new Map(source.filter((u) => u.kind === 'field').map((u) => [u.id, u]));
  const result: { id: string; source: Unit; target: Unit }[] = [];
  const unmatched: Unit[] = [];
  for (const t of target.filter((u) => u.kind === 'field')) {
    const s = byId.get(t.id);
    if (s) result.push({ id: t.id, source: s, target: t });
    byId.delete(t.id);
  }
  const untranslated = [...byId.values()];
  const sb = source.filter((u) => u.kind !== 'field');
  const tb = target.filter((u) => u.kind !== 'field');
  // A block's kind and the values it shows: paragraphs a translation split or merged differ here.
  const label = (u: Unit) =>
    `${u.id.replace(/^b\d+-/, '')} ${u.codes
      .filter((c) => c.kind === 'ph' && c.data.startsWith('<'))
      .map((c) => c.data)
      .sort()
      .join(' ')}`;
  let si = 0;
  let ti = 0;
  for (const change of diffArrays(sb.map(label), tb.map(label))) {
    const n = change.count ?? change.value.length;
    if (change.added) {
      unmatched.push(...tb.slice(ti, ti + n));
      ti += n;
    } else if (change.removed) {
      untranslated.push(...sb.slice(si, si + n));
      si += n;
    } else {
      for (let k = 0; k < n; k++) {
        const s = sb[si + k];
        const t = tb[ti + k];
        if (s && t) result.push({ id: t.id, source: s, target: t });
      }
      si += n;
      ti += n;
    }
  }
  return { pairs: result, unmatched, untranslated };
}

/**
 * The target's codes renamed after the source's: a target `<Value id="x" />` gets the id of the
 * same code in the source, so the translator sees one set of codes. Codes only the translation
 * has keep ids `t1`, `t2`….
 */
function shareCodes(source: Unit, target: Unit): { codes: Code[]; content: Inline[] } {
  const free = [...source.codes];
  const rename = new Map<string, string>();
  const extra: Code[] = [];
  for (const code of target.codes) {
    const i = free.findIndex((c) => c.kind === code.kind && c.data === code.data && c.end === code.end);
    if (i >= 0) {
      rename.set(code.id, free[i]?.id ?? '');
      free.splice(i, 1);
    } else {
      const id = `t${extra.length + 1}`;
      rename.set(code.id, id);
      extra.push({ ...code, id });
    }
  }
  const map = (content: Inline[]): Inline[] =>
    content.map((part) =>
      typeof part === 'string'
        ? part
        : 'ph' in part
          ? { ph: rename.get(part.ph) ?? part.ph }
          : { pc: rename.get(part.pc) ?? part.pc, content: map(part.content) },
    );
  return { codes: [...source.codes, ...extra], content: map(target.content) };
}

/** Glossary terms (source term → this locale's term) whose source term the unit's words use. */
function glossaryNotes(contentDir: string, from: LocaleCode, locale: LocaleCode): (text: string) => string[] {
  const [source, target] = [readGlossary(contentDir, from), readGlossary(contentDir, locale)];
  return (text) => {
    const lower = text.toLowerCase();
    return Object.entries(source)
      .filter(([id, term]) => term && target[id] && lower.includes(String(term).toLowerCase()))
      .map(([id, term]) => `${term} → ${target[id]}`);
  };
}

const unitName = (u: Unit) => `${u.id.replace(/^b\d+-|^fm\./, '')}, line ${u.line}`;

export interface ExportOptions {
  cases?: string[] | undefined;
  staleOnly?: boolean | undefined;
}

/** The XLIFF of one locale's translations; throws naming the case or locale when there is nothing to export. */
export function exportLocale(
  contentDir: string,
  locale: LocaleCode,
  options: ExportOptions = {},
): { xml: string; files: number; units: number; skipped: string[] } {
  let list = pairs(contentDir, locale);
  if (options.cases) {
    const unknown = options.cases.filter((c) => !list.some((p) => p.kind === 'cases' && p.name === c));
    if (unknown.length)
      throw new Error(
        `no ${locale} translation of ${unknown.join(', ')} (known: ${list
          .filter((p) => p.kind === 'cases')
          .map((p) => p.name)
          .join(', ')})`,
      );
    list = list.filter((p) => p.kind === 'cases' && options.cases?.includes(p.name));
  }
  if (options.staleOnly) list = list.filter((p) => p.stale);
  const froms = [...new Set(list.map((p) => p.from))];
  if (froms.length > 1) throw new Error(`the ${locale} translations are made from ${froms.join(' and ')}: export them separately with --cases`);
  const from = froms[0];
  if (!from) throw new Error(`no ${locale} translation to export${options.staleOnly ? ' (none is stale)' : ''}`);
  const glossary = glossaryNotes(contentDir, from, locale);
  const skipped: string[] = [];
  const files: XliffFile[] = list.map((p) => {
    const targetText = fs.readFileSync(p.target, 'utf8');
    const aligned = alignUnits(segment(fs.readFileSync(p.source, 'utf8')), segment(targetText));
    for (const u of aligned.unmatched) skipped.push(`${displayPath(p.target)}:${u.line} (${u.id}): no matching block in ${p.from}.mdx`);
    for (const u of aligned.untranslated) skipped.push(`${displayPath(p.source)}:${u.line} (${u.id}): not in ${locale}.mdx yet`);
    const state: SegmentState = p.status === 'reviewed' && !p.stale ? 'reviewed' : 'translated';
    const units: XliffUnit[] = aligned.pairs.map(({ id, source, target }) => {
      const shared = shareCodes(source, target);
      const terms = glossary(plainText(source.content, source.codes));
      return {
        id,
        name: unitName(target),
        notes: [
          ...terms.map((text) => ({ category: 'glossary', text })),
          { category: 'status', text: p.stale ? 'stale: the source changed since this translation was made' : p.status },
        ],
        codes: shared.codes,
        source: source.content,
        target: shared.content,
        state,
      };
    });
    return {
      id: `${p.kind}.${p.name}`,
      original: path.relative(contentDir, p.target).split(path.sep).join('/'),
      notes: [
        { category: 'ssm:target-version', text: fileVersion(targetText) },
        { category: 'ssm:source-version', text: sourceVersion(p.source) },
        { category: 'status', text: p.stale ? 'stale' : p.status },
      ],
      units,
    };
  });
  return { xml: writeXliff({ srcLang: from, trgLang: locale, files }), files: files.length, units: files.reduce((n, f) => n + f.units.length, 0), skipped };
}

/** Why an import was refused: every problem, each naming the unit, the file and the line. */
export class ImportError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** Ids of the codes content uses, in order, with their kind. */
function usedCodes(content: readonly Inline[]): { id: string; kind: 'ph' | 'pc' }[] {
  return content.flatMap((part) =>
    typeof part === 'string' ? [] : 'ph' in part ? [{ id: part.ph, kind: 'ph' as const }] : [{ id: part.pc, kind: 'pc' as const }, ...usedCodes(part.content)],
  );
}

/** Text nodes merged, so content read back from XML compares equal to content cut from MDX. */
function normalise(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const part of content) {
    const last = out.at(-1);
    if (typeof part === 'string') {
      if (!part) continue;
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    } else out.push('ph' in part ? part : { pc: part.pc, content: normalise(part.content) });
  }
  return out;
}

/**
 * Writes the translated units of an XLIFF document into the content files. Nothing is written
 * unless every file and unit checks out: the translation file is unchanged since the export, each
 * unit's source is still the current source, and each target keeps every code of its source
 * exactly once (codes come from the content files, never from the XLIFF). A changed unit's words
 * are escaped, so no target can add a component, an expression or a link. Changed files are
 * stamped with the source version and set to `draft` (or `reviewed`, when the XLIFF file names
 * the reviewer and date).
 */
export function importXliff(contentDir: string, xml: string, name: string): { written: string[]; units: number } {
  const doc = readXliff(xml, name);
  const problems: string[] = [];
  const locale = doc.trgLang as LocaleCode;
  if (!localeCodes.includes(locale)) throw new ImportError([`${name}: trgLang "${doc.trgLang}" is not a locale of the manual (${localeCodes.join(', ')}).`]);
  const writes: { file: string; text: string }[] = [];
  let changedUnits = 0;
  for (const f of doc.files) {
    const match = /^(cases|pages)\.([a-z0-9-]+)$/.exec(f.id);
    if (!match) {
      problems.push(`${name}: file id "${f.id}" names no case or page (expected cases.{slug} or pages.{name}).`);
      continue;
    }
    const target = path.join(contentDir, match[1] ?? '', match[2] ?? '', `${locale}.mdx`);
    if (!fs.existsSync(target)) {
      problems.push(`${name}: ${f.id}: ${displayPath(target)} does not exist.`);
      continue;
    }
    const targetText = fs.readFileSync(target, 'utf8');
    const note = (category: string) => f.notes.find((n) => n.category === category)?.text;
    if (note('ssm:target-version') !== fileVersion(targetText)) {
      problems.push(
        `${name}: ${f.id}: ${displayPath(target)} has changed since this file was exported; export it again and carry the translations over, so no edit is lost.`,
      );
      continue;
    }
    const from = translationMeta(targetText)?.from ?? 'en';
    const source = path.join(path.dirname(target), `${from}.mdx`);
    const aligned = new Map(alignUnits(segment(fs.readFileSync(source, 'utf8')), segment(targetText)).pairs.map((p) => [p.id, p]));
    const replacements: { start: number; end: number; text: string }[] = [];
    for (const unit of f.units) {
      const where = `${name}:${unit.xmlLine ?? '?'}: unit ${unit.id} (${displayPath(target)}`;
      const pair = aligned.get(unit.id);
      if (!pair) {
        problems.push(`${where}): no such unit in the file any more; export again.`);
        continue;
      }
      const line = `${where}:${pair.target.line})`;
      if (contentKey(normalise(unit.source)) !== contentKey(normalise(pair.source.content))) {
        problems.push(`${line}: the source no longer matches ${displayPath(source)}:${pair.source.line}; export again to translate the current source.`);
        continue;
      }
      if (!unit.target) continue;
      const shared = shareCodes(pair.source, pair.target);
      const codes = new Map(shared.codes.map((c) => [c.id, c]));
      const used = usedCodes(unit.target);
      // Every code the translation has must stay, once; a code of the source may be added once.
      const required = new Set(usedCodes(shared.content).map((u) => u.id));
      const count = (id: string) => used.filter((u) => u.id === id).length;
      const broken = [
        ...used.filter((u) => codes.get(u.id)?.kind !== u.kind).map((u) => `code ${u.id} is not a ${u.kind} of this unit`),
        ...shared.codes
          .filter((c) => count(c.id) > 1 || (required.has(c.id) && count(c.id) === 0))
          .map((c) => `code ${c.id} (${c.data}${c.end ? `…${c.end}` : ''}) must appear exactly once`),
      ];
      if (broken.length) {
        problems.push(`${line}: protected codes were broken: ${broken.join('; ')}. Restore them from the source.`);
        continue;
      }
      const words = normalise(unit.target);
      if (contentKey(words) === contentKey(normalise(shared.content))) continue;
      if (pair.target.kind === 'field' || pair.target.kind === 'prop') {
        const plain = words.map((p) => (typeof p === 'string' ? p : '')).join('');
        replacements.push({ start: pair.target.start, end: pair.target.end, text: pair.target.kind === 'field' ? encodeYaml(plain) : encodeAttribute(plain) });
      } else {
        replacements.push({ start: pair.target.start, end: pair.target.end, text: renderInline(words, codes, pair.target.kind !== 'heading') });
      }
    }
    if (!replacements.length) continue;
    changedUnits += replacements.length;
    let text = targetText;
    for (const r of replacements.sort((a, b) => b.start - a.start)) text = text.slice(0, r.start) + r.text + text.slice(r.end);
    const reviewer = note('reviewer');
    const reviewed = note('reviewed');
    writes.push({ file: target, text: stampTranslation(text, sourceVersion(source), reviewer && reviewed ? { reviewer, reviewed } : undefined) });
  }
  if (problems.length) throw new ImportError(problems);
  for (const w of writes) {
    const temp = `${w.file}.tmp-${process.pid}`;
    fs.writeFileSync(temp, w.text);
    fs.renameSync(temp, w.file);
  }
  return { written: writes.map((w) => w.file), units: changedUnits };
}

/** The `translation:` block set to the new source version, and to draft or a named review. */
function stampTranslation(text: string, version: string, review: { reviewer: string; reviewed: string } | undefined): string {
  return text.replace(/^translation:\n((?:[ \t]+.*\n)*)/m, (_, block: string) => {
    const indent = /^([ \t]+)/.exec(block)?.[1] ?? '  ';
    const kept = block.split('\n').filter((l) => l.trim() && !/^\s*(status|sourceVersion|reviewer|reviewed):/.test(l));
    const lines = [
      `${indent}status: ${review ? 'reviewed' : 'draft'}`,
      ...kept,
      `${indent}sourceVersion: '${version}'`,
      ...(review ? [`${indent}reviewer: ${encodeYaml(review.reviewer)}`, `${indent}reviewed: ${review.reviewed}`] : []),
    ];
    return `translation:\n${lines.join('\n')}\n`;
  });
}
