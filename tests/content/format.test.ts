import { describe, expect, it } from 'vitest';
import { formatFigure, formatValue } from '../../src/lib/format.ts';

const figure = { id: 'x', value: 94.4, from: 55.2, unit: 'percent', compact: false, signed: false, year: 2013, source: 'W3' } as const;

describe('figure formatting', () => {
  it('writes numbers the way each language does', () => {
    expect(formatValue(800, 'krw', 'en')).toBe('₩800');
    expect(formatValue(43_000_000, 'number', 'en', { compact: true })).toBe('43 million');
    expect(formatValue(43_000_000, 'number', 'ko', { compact: true })).toBe('4300만');
    expect(formatValue(18.9, 'km-per-hour', 'vi')).toBe('18,9 km/h');
    expect(formatValue(433, 'percent', 'en', { signed: true })).toBe('+433%');
  });

  it('shows a change with an arrow that follows the reading direction', () => {
    expect(formatFigure(figure, 'en')).toBe('55.2% → 94.4%');
    expect(formatFigure(figure, 'ar')).toContain('←');
  });
});
