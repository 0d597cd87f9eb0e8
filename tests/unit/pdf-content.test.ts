import { describe, expect, it } from 'vitest';
import { markArtifacts, parseOperations } from '../../src/pdf/content-stream.ts';
import { svgPathToPdf } from '../../src/pdf/spell-out.ts';

/** A page as Chromium writes one: a background, a tagged paragraph, a page number in the margin, a clip. */
const page = [
  'q',
  '.24 0 0 -.24 0 858.96 cm',
  '.03 .14 .32 rg',
  '0 0 2480 3508 re',
  'f',
  '/P <</MCID 0 >>BDC',
  'BT',
  '/F1 12 Tf',
  '1 0 0 -1 100 200 Tm',
  '<0031> Tj',
  '5.2 0 Td <0032> Tj',
  'ET',
  'EMC',
  'BT',
  '/F1 8 Tf',
  '1 0 0 -1 300 1100 Tm',
  '<0013> Tj',
  '(a\\)b) Tj',
  'ET',
  '0 0 100 100 re',
  'W n',
  '/Im1 Do',
  'Q',
].join('\n');

describe('content streams', () => {
  it('reads operators with their operands, strings with escaped parentheses and dictionaries included', () => {
    const ops = parseOperations(page) ?? [];
    expect(ops.map((o) => o.op)).toContain('BDC');
    expect(ops.find((o) => o.op === 'BDC')?.operands).toEqual(['/P', '<</MCID 0 >>']);
    expect(ops.filter((o) => o.op === 'Tj').map((o) => o.operands[0])).toEqual(['<0031>', '<0032>', '<0013>', '(a\\)b)']);
    expect(parseOperations('BI /W 1 /H 1 ID x EI')).toBeUndefined();
  });

  it('marks untagged drawing as artifacts, margin text as pagination, and leaves tagged content and clips alone', () => {
    const { text, wrapped } = markArtifacts(page);
    expect(wrapped).toBe(3);
    // The background: its path and fill inside one artifact.
    expect(text).toMatch(/\/Artifact BMC\n0 0 2480 3508 re\nf\nEMC/);
    // The page number: inside its text object, as pagination.
    expect(text).toMatch(/\/Artifact <<\/Type \/Pagination >>BDC\n<0013> Tj\n\(a\\\)b\) Tj\nEMC\nET/);
    // The tagged paragraph is untouched; the clip is no drawing; the image is an artifact.
    expect(text).toContain('/P <</MCID 0 >>BDC\nBT\n/F1 12 Tf');
    expect(text).toMatch(/0 0 100 100 re\nW n\n\/Artifact BMC\n\/Im1 Do\nEMC\nQ/);
    // Marks never cut across q/Q, BT/ET or other marked content: every sequence opens and closes at the same depth.
    const ops = parseOperations(text) ?? [];
    const stack: string[] = [];
    for (const op of ops) {
      if (['q', 'BT', 'BDC', 'BMC'].includes(op.op)) stack.push(op.op);
      if (op.op === 'Q') expect(stack.pop()).toBe('q');
      if (op.op === 'ET') expect(stack.pop()).toBe('BT');
      if (op.op === 'EMC') expect(['BDC', 'BMC']).toContain(stack.pop());
    }
    expect(stack).toEqual([]);
  });

  it('changes nothing on a page whose drawing is all tagged', () => {
    const tagged = '/P <</MCID 0 >>BDC\nBT\n/F1 12 Tf\n<0031> Tj\nET\nEMC\n/Artifact BMC\n0 0 1 1 re\nf\nEMC';
    expect(markArtifacts(tagged)).toEqual({ text: tagged, wrapped: 0 });
  });

  it('turns a glyph outline into PDF path operators, quadratic curves as cubic ones', () => {
    expect(svgPathToPdf('M0,0L30,0Q30,30 0,30Z')).toBe('0 0 m\n30 0 l\n30 20 20 30 0 30 c\nh');
    expect(svgPathToPdf('M1,2C3,4 5,6 7,8Z')).toBe('1 2 m\n3 4 5 6 7 8 c\nh');
  });
});
