import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { bookletOrder, imposeBooklet } from '../../src/pdf/booklet.ts';

describe('booklets for an office printer', () => {
  it('puts a 6-page brochure on 2 sheets, 8 A5 slots in folding order, blanks last', () => {
    // [left, right] per side: sheet 1 front and back, sheet 2 front and back; 0 is a blank.
    expect(bookletOrder(6)).toEqual([
      [0, 1],
      [2, 0],
      [6, 3],
      [4, 5],
    ]);
    expect(
      bookletOrder(8)
        .flat()
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('binds right-to-left booklets (Arabic) on the right: every side mirrored', () => {
    expect(bookletOrder(6, true)).toEqual([
      [1, 0],
      [0, 2],
      [3, 6],
      [5, 4],
    ]);
  });

  it('imposes A4 pages as A5 on A4 landscape sheets, keeping title and language', async () => {
    const doc = await PDFDocument.create();
    doc.setTitle('Pack');
    doc.setLanguage('es');
    for (let i = 0; i < 6; i++) doc.addPage([595.28, 841.89]).drawRectangle({ x: 0, y: 0, width: 10, height: 10, color: rgb(0, 0, 0) });
    const booklet = await PDFDocument.load(await imposeBooklet(await doc.save()));
    expect(booklet.getPageCount()).toBe(4);
    for (const page of booklet.getPages()) {
      expect(page.getWidth()).toBeCloseTo(841.89, 0);
      expect(page.getHeight()).toBeCloseTo(595.28, 0);
    }
    expect(booklet.getTitle()).toBe('Pack');
  });
});
