/**
 * Cuts an MDX text file into the pieces a translator translates ("units"): every words-valued
 * frontmatter field, and in the body each heading, paragraph, list item and words-valued component
 * prop. Each unit knows where it sits in the file (so an import rewrites only that span and keeps
 * every other byte) and holds its words with the things a translator must not break — `<Value>`s,
 * links' targets, emphasis marks, inline code, `<br>`, `<sup>`… — as inline codes. See
 * docs/translation.md.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { textProps, type MdxComponentName } from '../../components/mdx/props.ts';

/** A native code inside a unit: a placeholder (`ph`) or a pair around words (`pc`). */
export interface Code {
  id: string;
  kind: 'ph' | 'pc';
  /** The code as written (`<Value id="x" />`), or the opening part of a pair (`[`, `**`). */
  data: string;
  /** The closing part of a pair (`](https://…)`, `**`). */
  end?: string;
}

/** A unit's content: text, a placeholder, or a pair of codes around more content. */
export type Inline = string | { ph: string } | { pc: string; content: Inline[] };

export type UnitKind = 'field' | 'heading' | 'paragraph' | 'item' | 'prop';

export interface Unit {
  /** Stable within the file (an XML NMTOKEN): `fm.figures.users`, `b12-paragraph`, `b13-Figure.alt`. */
  id: string;
  kind: UnitKind;
  /** Byte span in the file (string offsets) of the words, as written. */
  start: number;
  end: number;
  /** 1-based line of the span's start. */
  line: number;
  content: Inline[];
  codes: Code[];
}

/** Characters an MDX author escapes with a backslash. */
const escapable = /\\([\\`*_{}[\]()<>#+\-.!|~&])/y;

/** Parses inline MDX into content and codes (ids `1`, `2`… in order of appearance). */
export function parseInline(text: string, codes: Code[] = []): { content: Inline[]; codes: Code[] } {
  const code = (kind: Code['kind'], data: string, end?: string) => {
    const c: Code = { id: String(codes.length + 1), kind, data, ...(end !== undefined ? { end } : {}) };
    codes.push(c);
    return c.id;
  };
  const parse = (s: string): Inline[] => {
    const out: Inline[] = [];
    let buffer = '';
    const flush = () => {
      if (buffer) out.push(buffer);
      buffer = '';
    };
    for (let i = 0; i < s.length;) {
      escapable.lastIndex = i;
      const escaped = escapable.exec(s);
      if (escaped) {
        buffer += escaped[1];
        i += escaped[0].length;
        continue;
      }
      const rest = s.slice(i);
      const ph = /^(?:<[A-Z][A-Za-z]*\b[^<>]*\/>|<br\s*\/?>|`[^`]+`)/.exec(rest);
      if (ph) {
        flush();
        out.push({ ph: code('ph', ph[0]) });
        i += ph[0].length;
        continue;
      }
      const tag = /^<(sup|sub|abbr)\b[^<>]*>/.exec(rest);
      const close = tag ? rest.indexOf(`</${tag[1]}>`, tag[0].length) : -1;
      if (tag && close > 0) {
        flush();
        const id = code('pc', tag[0], `</${tag[1]}>`);
        out.push({ pc: id, content: parse(rest.slice(tag[0].length, close)) });
        i += close + tag[1]!.length + 3;
        continue;
      }
      const link = /^\[((?:[^[\]\\]|\\.)*)\]\(([^()\s]*)\)/.exec(rest);
      if (link) {
        flush();
        const id = code('pc', '[', `](${link[2]})`);
        out.push({ pc: id, content: parse(link[1] ?? '') });
        i += link[0].length;
        continue;
      }
      const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest) ?? /^([*_])(?=\S)((?:\\.|[^*_\\])*?\S)\1/.exec(rest);
      if (strong) {
        flush();
        const id = code('pc', strong[1] ?? '', strong[1]);
        out.push({ pc: id, content: parse(strong[2] ?? '') });
        i += strong[0].length;
        continue;
      }
      buffer += s[i];
      i++;
    }
    flush();
    return out;
  };
  return { content: parse(text), codes };
}

/** Writes a translator's words back as MDX text: every character that means something to MDX escaped. */
export function escapeText(text: string, atLineStart: boolean): string {
  let out = text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>&~]/g, (c) => `\\${c}`);
  // At the start of a block, these would make a heading, a list item or a quote.
  if (atLineStart) out = out.replace(/^(\s*)([#>+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return out;
}

/** Inline content written as MDX, codes taken from `codes` by id. */
export function renderInline(content: readonly Inline[], codes: ReadonlyMap<string, Code>, atLineStart = true): string {
  let out = '';
  for (const part of content) {
    if (typeof part === 'string') out += escapeText(part, atLineStart && out === '');
    else if ('ph' in part) out += codes.get(part.ph)?.data ?? '';
    else {
      const c = codes.get(part.pc);
      out += `${c?.data ?? ''}${renderInline(part.content, codes, false)}${c?.end ?? ''}`;
    }
  }
  return out;
}

/** A stable text form of content, to tell whether a translator changed a unit. */
export function contentKey(content: readonly Inline[]): string {
  return JSON.stringify(content);
}

/** Plain words of content (codes as their data), for notes and messages. */
export function plainText(content: readonly Inline[], codes: readonly Code[]): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  return content
    .map((part) =>
      typeof part === 'string'
        ? part
        : 'ph' in part
          ? (byId.get(part.ph)?.data ?? '')
          : `${byId.get(part.pc)?.data ?? ''}${plainText(part.content, codes)}${byId.get(part.pc)?.end ?? ''}`,
    )
    .join('');
}

/** Decodes the character references MDX allows in a JSX attribute string. */
function decodeAttribute(value: string): string {
  return value.replace(/&(quot|amp|lt|gt|#(\d+));/g, (_, name: string, code?: string) =>
    code ? String.fromCodePoint(Number(code)) : (({ quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[name] ?? ''),
  );
}

/** A translator's words as a JSX attribute string. */
export function encodeAttribute(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[&"<>{}]/g, (c) => `&#${c.codePointAt(0)};`);
}

/** A translator's words as a YAML scalar (double-quoted: always valid, whatever the words). */
export function encodeYaml(value: string): string {
  return JSON.stringify(value.replace(/[\r\n]+/g, ' '));
}

/** The line of an offset in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Frontmatter fields whose values are words, by path (the `translation` block is not). */
function frontmatterUnits(text: string, from: number, to: number): Unit[] {
  const lines = new LineCounter();
  const doc = parseDocument(text.slice(from, to), { lineCounter: lines, keepSourceTokens: true });
  const units: Unit[] = [];
  const visit = (node: Node | null | undefined, path: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (path.length === 0 && key === 'translation') continue;
        visit(pair.value as Node, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, [...path, String(i)]));
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const start = from + node.range[0];
      const end = from + node.range[1];
      units.push({ id: `fm.${path.join('.')}`, kind: 'field', start, end, line: lineAt(text, start), content: node.value ? [node.value] : [], codes: [] });
    }
  };
  visit(doc.contents as Node, []);
  return units;
}

/**
 * The units of an MDX file, in file order. Body blocks are separated by blank lines; a block is a
 * heading, a list (one unit per item, continuation lines included), component tags (one unit per
 * words-valued prop) or a paragraph.
 */
export function segment(text: string): Unit[] {
  const fm = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const units: Unit[] = fm ? frontmatterUnits(text, fm[0].indexOf('\n') + 1, fm[0].indexOf('\n') + 1 + (fm[1]?.length ?? 0)) : [];
  let n = 0;
  const add = (kind: UnitKind, label: string, start: number, end: number, inline: boolean) => {
    const raw = text.slice(start, end);
    const words = inline ? parseInline(raw.replace(/\r?\n[ \t]*/g, ' ')) : { content: raw ? [decodeAttribute(raw)] : [], codes: [] };
    units.push({ id: `b${++n}-${label}`, kind, start, end, line: lineAt(text, start), content: words.content, codes: words.codes });
  };
  // Lines of the body with their offsets, grouped into blocks.
  const body = fm ? fm[0].length : 0;
  const lines = [...text.slice(body).matchAll(/[^\n]*(?:\n|$)/g)]
    .map((m) => ({ start: body + m.index, text: m[0].replace(/\r?\n$/, '') }))
    .filter((l, i, all) => l.text || i < all.length - 1);
  let paragraph: { start: number; end: number } | undefined;
  let item: { start: number; end: number } | undefined;
  const endParagraph = () => {
    if (paragraph) add('paragraph', 'paragraph', paragraph.start, paragraph.end, true);
    paragraph = undefined;
  };
  const endItem = () => {
    if (item) add('item', 'item', item.start, item.end, true);
    item = undefined;
  };
  for (const { start, text: line } of lines) {
    const end = start + line.length;
    if (!line.trim()) {
      endParagraph();
      endItem();
      continue;
    }
    const heading = /^(#{1,6})[ \t]+/.exec(line);
    const listItem = /^([ \t]*)([-*+]|\d+[.)])[ \t]+/.exec(line);
    const tag = /^[ \t]*<\/?([A-Z][A-Za-z]*)\b/.exec(line);
    if (heading) {
      endParagraph();
      endItem();
      add('heading', `h${heading[1]?.length}`, start + heading[0].length, end, true);
    } else if (tag) {
      endParagraph();
      endItem();
      const props = textProps[tag[1] as MdxComponentName] ?? [];
      for (const attr of line.matchAll(/\s([A-Za-z]+)="([^"]*)"/g)) {
        if (!props.includes(attr[1] ?? '')) continue;
        const valueStart = start + (attr.index ?? 0) + attr[0].indexOf('"') + 1;
        add('prop', `${tag[1]}.${attr[1]}`, valueStart, valueStart + (attr[2]?.length ?? 0), false);
      }
    } else if (listItem && !paragraph) {
      endItem();
      item = { start: start + listItem[0].length, end };
    } else if (item && /^[ \t]+\S/.test(line)) {
      item.end = end;
    } else {
      endItem();
      if (paragraph) paragraph.end = end;
      else paragraph = { start, end };
    }
  }
  endParagraph();
  endItem();
  return units;
}
