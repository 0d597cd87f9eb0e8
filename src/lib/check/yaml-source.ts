import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

/** A YAML text parsed with positions, so a field path can be turned into a line number. */
export interface YamlSource {
  data: unknown;
  /** Line of the node at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** YAML syntax errors with their lines. */
  errors: { line: number; message: string }[];
}

/**
 * Parses YAML keeping positions. `firstLine` is the line the YAML starts on in its file
 * (2 for MDX frontmatter after the opening `---`).
 */
export function parseYaml(text: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((e) => ({ line: toLine(e.pos[0]), message: e.message.split('\n')[0] ?? e.message }));
  return {
    data: errors.length ? undefined : doc.toJS(),
    errors,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const keyPath = path.slice(0, n);
        // Point at the key itself when the path ends in a map key.
        const node = keyPath.length ? doc.getIn(keyPath as unknown[], true) : doc.contents;
        if (isNode(node) && node.range) {
          const pair = findKeyOffset(doc, keyPath);
          return toLine(pair ?? node.range[0]);
        }
        if (n < path.length || keyPath.length === 0) continue;
      }
      return undefined;
    },
  };
}

/** Offset of the key of the last path segment, when the parent is a map. */
function findKeyOffset(doc: Document, path: readonly PropertyKey[]): number | undefined {
  if (!path.length) return undefined;
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items;
  const key = items?.find((it) => it.key?.value === path.at(-1))?.key;
  return key?.range?.[0];
}
