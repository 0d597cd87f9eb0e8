/**
 * Text from content written into CSS (running heads in the print layout), escaped by construction:
 * every character but letters, digits, spaces and plain punctuation becomes a CSS escape, so no
 * title can close the string, the rule or the `<style>` element (`</style>` has no `<` left).
 * @example cssString('A "B" </style>') // "\"A \\22 B\\22  \\3c \\2f style\\3e \""
 */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text) out += /^[\p{L}\p{M}\p{N} .,·:;!?'()&–—-]$/u.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0).toString(16)} `;
  return `"${out}"`;
}

/** A CSS identifier (a named page) from a slug; anything else is refused, never escaped into shape. */
export function cssIdent(name: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`"${name}" cannot be a CSS name: use lower-case letters, digits and hyphens`);
  return name;
}

/** The class that puts an element on a named page (`page: case-subway` without a style attribute, which CSP forbids). */
export function namedPageClass(name: string): string {
  return `on-page-${cssIdent(name)}`;
}
