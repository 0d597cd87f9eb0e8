/** The two editions of every PDF. Sizes in millimetres. */
export const editions = {
  /** For screens and e-mail: A4, tagged, outline, live links. */
  screen: { suffix: '', width: 210, height: 297, bleed: 0 },
  /** For the print shop: A4 trim plus 3 mm bleed on every side; TrimBox and BleedBox set. */
  print: { suffix: '-print', width: 216, height: 303, bleed: 3 },
} as const;

/** `screen` or `print`. */
export type Edition = keyof typeof editions;

/** Points per millimetre (PDF user space). */
export const ptPerMm = 72 / 25.4;

/**
 * CSS the print step adds to a print-route page for an edition: the sheet size and the margins,
 * which keep text at least 10 mm inside the trim (the bleed is added to every margin).
 */
export function editionCss(edition: Edition): string {
  const e = editions[edition];
  const m = (mm: number) => `${mm + e.bleed}mm`;
  return `@page { size: ${e.width}mm ${e.height}mm; margin: ${m(20)} ${m(18)} ${m(18)} ${m(18)}; }
@page cover { margin: 0; }
:root { --page-w: ${e.width}mm; --page-h: ${e.height}mm; --bleed: ${e.bleed}mm; }`;
}
