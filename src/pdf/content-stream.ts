/**
 * Reading and editing PDF page content streams as Chromium writes them: one operation a line-ish,
 * operands before their operator. Just enough of the syntax to find operators and their operands
 * (strings, hex strings, names, numbers, arrays, dictionaries); a stream with an inline image is
 * left alone.
 */

/** One operator with its operands: `text.slice(start, end)` is the whole operation. */
export interface Operation {
  op: string;
  /** The operands as written (`['/F4', '34.66']`). */
  operands: string[];
  start: number;
  end: number;
}

/** Character classes by code (latin1): 1 whitespace, 2 delimiter, 0 regular. */
const kinds = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) kinds[c] = 1;
for (const c of '()<>[]{}/%') kinds[c.charCodeAt(0)] = 2;
const isRegular = (code: number) => code > 255 || kinds[code] === 0;

/** The end of the literal string that starts at `i` (an opening parenthesis). */
function literalEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return text.length;
}

/** The end of the array or dictionary that starts at `i`, strings inside skipped. */
function groupEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '(') j = literalEnd(text, j) - 1;
    else if (c === '[' || (c === '<' && text[j + 1] === '<')) {
      depth++;
      if (c === '<') j++;
    } else if (c === ']' || (c === '>' && text[j + 1] === '>')) {
      depth--;
      if (c === '>') j++;
      if (depth === 0) return j + 1;
    } else if (c === '<') j = text.indexOf('>', j);
  }
  return text.length;
}

/**
 * The operations of a content stream (decoded, as latin1 text), in order; `undefined` when it holds
 * something this reader does not take apart (an inline image).
 */
export function parseOperations(text: string): Operation[] | undefined {
  const ops: Operation[] = [];
  let operands: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 256 && kinds[code] === 1) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    const c = text[i];
    let end: number;
    if (c === '%') {
      // A comment: not an operand.
      const eol = text.slice(i).search(/[\r\n]/);
      i = eol < 0 ? text.length : i + eol;
      if (!operands.length) start = -1;
      continue;
    } else if (c === '(') end = literalEnd(text, i);
    else if (c === '[' || (c === '<' && text[i + 1] === '<')) end = groupEnd(text, i);
    else if (c === '<') end = text.indexOf('>', i) + 1;
    else if (c === '/') {
      end = i + 1;
      while (end < text.length && isRegular(text.charCodeAt(end))) end++;
    } else {
      end = i;
      while (end < text.length && isRegular(text.charCodeAt(end))) end++;
      if (end === i) end = i + 1; // a stray delimiter
      // A number starts with a digit, a sign or a point; an operator with a letter (or ' and ").
      const number = (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e;
      const word = number ? '' : text.slice(i, end);
      if (!number && word !== 'true' && word !== 'false' && word !== 'null') {
        if (word === 'BI') return undefined;
        ops.push({ op: word, operands, start, end });
        operands = [];
        start = -1;
        i = end;
        continue;
      }
    }
    if (end <= i) return undefined;
    operands.push(text.slice(i, end));
    i = end;
  }
  return ops;
}

/** Operators that paint a path (`n` ends a path without painting it: clipping only). */
const paintsPath = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const buildsPath = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're', 'W', 'W*']);
const showsText = new Set(['Tj', 'TJ', "'", '"']);
/** Operators a marked-content sequence must not cut across. */
const nesting = new Set(['BDC', 'BMC', 'EMC', 'q', 'Q', 'BT', 'ET']);

/** Whether a marked-content sequence makes its content real content (an MCID) or an artifact. */
function marksContent(op: Operation): boolean {
  return op.operands[0] === '/Artifact' || (op.op === 'BDC' && /\/MCID\s/.test(op.operands[1] ?? ''));
}

/**
 * Wraps everything a page paints outside tagged content in artifact marks, as PDF/UA asks:
 * Chromium tags what the HTML says, and leaves the rest (the running head and page number in the
 * page margins, backgrounds, rules, the QR code's squares) outside any marked content. Text becomes
 * a pagination artifact (all of it is margin-box text), everything else a plain one. Marks never cut
 * across `q`/`Q`, `BT`/`ET` or another marked-content sequence. Returns the stream unchanged
 * (`wrapped: 0`) when it cannot be read.
 */
export function markArtifacts(text: string): { text: string; wrapped: number } {
  const ops = parseOperations(text);
  if (!ops) return { text, wrapped: 0 };
  const parts: string[] = [];
  let copied = 0;
  const insert = (at: number, what: string) => {
    parts.push(text.slice(copied, at), what);
    copied = at;
  };
  /** Open marked-content sequences: whether each makes its content tagged or an artifact. */
  const stack: boolean[] = [];
  let open = false;
  let wrapped = 0;
  let pathStart = -1;
  for (const op of ops) {
    if (nesting.has(op.op)) {
      if (open) insert(op.start, 'EMC\n');
      open = false;
      if (op.op === 'BDC' || op.op === 'BMC') stack.push(marksContent(op));
      else if (op.op === 'EMC') stack.pop();
      continue;
    }
    if (buildsPath.has(op.op)) {
      if (pathStart < 0) pathStart = op.start;
      continue;
    }
    const paints = paintsPath.has(op.op) || showsText.has(op.op) || op.op === 'Do' || op.op === 'sh';
    if (paints && !open && !stack.includes(true)) {
      const at = paintsPath.has(op.op) && pathStart >= 0 ? pathStart : op.start;
      insert(at, showsText.has(op.op) ? '/Artifact <</Type /Pagination >>BDC\n' : '/Artifact BMC\n');
      open = true;
      wrapped++;
    }
    if (paintsPath.has(op.op) || op.op === 'n') pathStart = -1;
  }
  if (open) insert(text.length, '\nEMC\n');
  parts.push(text.slice(copied));
  return { text: parts.join(''), wrapped };
}
