import type { Figure } from '../schemas/case-data.ts';
import type { Unit } from '../schemas/common.ts';
import { localeInfo, type LocaleCode } from '../i18n/locales.ts';

/** `Intl` options per unit; units `Intl` has no name for get a suffix instead. */
const unitFormats: Record<Unit, { options: Intl.NumberFormatOptions; suffix?: string }> = {
  number: { options: {} },
  percent: { options: { style: 'unit', unit: 'percent' } },
  krw: { options: { style: 'currency', currency: 'KRW' } },
  usd: { options: { style: 'currency', currency: 'USD' } },
  km: { options: { style: 'unit', unit: 'kilometer' } },
  'km-per-hour': { options: { style: 'unit', unit: 'kilometer-per-hour' } },
  minute: { options: { style: 'unit', unit: 'minute', unitDisplay: 'long' } },
  year: { options: { style: 'unit', unit: 'year', unitDisplay: 'long' } },
  m2: { options: {}, suffix: '\u00a0m²' },
  m3: { options: {}, suffix: '\u00a0m³' },
  ton: { options: {}, suffix: '\u00a0t' },
  score: { options: { minimumFractionDigits: 2, maximumFractionDigits: 2 } },
  /** A multiple of an earlier value ("4.3×"), not a growth rate. */
  times: { options: {}, suffix: '×' },
};

/** Languages that write a multiple with a word rather than "×": 4.3배, 4.3倍. */
const timesWord: Partial<Record<LocaleCode, string>> = { ko: '배', zh: '倍' };

/** `Intl.NumberFormat` is slow to create and pages format thousands of values: one per setting. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

/**
 * One value in a unit, formatted for a locale.
 * @example formatValue(1.8e12, 'krw', 'ko', { compact: true }) // "₩1.8조"
 */
export function formatValue(value: number, unit: Unit, locale: LocaleCode, opts: { compact?: boolean; signed?: boolean } = {}): string {
  const { options, suffix: unitSuffix = '' } = unitFormats[unit];
  const suffix = unit === 'times' ? (timesWord[locale] ?? unitSuffix) : unitSuffix;
  const tag = localeInfo(locale).bcp47;
  const sign: Intl.NumberFormatOptions = opts.signed ? { signDisplay: 'exceptZero' } : {};
  if (opts.compact && options.style === 'currency') return compactMoney(value, options.currency ?? 'KRW', tag, sign);
  const format = numberFormat(tag, {
    maximumFractionDigits: 1,
    ...options,
    ...(opts.compact ? { notation: 'compact', compactDisplay: 'long' } : {}),
    ...sign,
  });
  return format.format(value) + suffix;
}

/**
 * Large sums in words ("₩1.8 trillion", "₩1.8조"): `Intl` only abbreviates compact currency
 * ("₩1.8T"), so the number is written long and the currency symbol put where the locale puts it.
 */
function compactMoney(value: number, currency: string, tag: string, sign: Intl.NumberFormatOptions): string {
  const number = numberFormat(tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1, ...sign }).format(value);
  const parts = numberFormat(tag, { style: 'currency', currency }).formatToParts(1);
  const symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
  const symbolFirst = parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer');
  const gap = parts.some((p) => p.type === 'literal' && /\s/.test(p.value)) ? '\u00a0' : '';
  return symbolFirst ? `${symbol}${gap}${number}` : `${number}\u00a0${symbol}`;
}

/** A key figure's value, with its earlier value when it records a change ("55.2% → 94.4%"). */
export function formatFigure(figure: Figure, locale: LocaleCode): string {
  const opts = { compact: figure.compact, signed: figure.signed };
  const now = formatValue(figure.value, figure.unit, locale, opts);
  if (figure.from === undefined) return now;
  const arrow = localeInfo(locale).dir === 'rtl' ? '←' : '→';
  return `${formatValue(figure.from, figure.unit, locale, opts)} ${arrow} ${now}`;
}

/** A year or a span of years for a locale ("1990–2013"). */
export function formatYear(year: number | string): string {
  return String(year).replace('-', '–');
}

/**
 * The year of a dated entry as a reader should take it: "2013", "c. 2013" when the source does
 * not state it (`yearInferred`), or the locale's word for undated when no source dates it.
 */
export function formatEntryYear(entry: { year?: number | string | undefined; yearInferred?: boolean }, words: { circa: string; undated: string }): string {
  if (entry.year === undefined) return words.undated;
  const year = formatYear(entry.year);
  return entry.yearInferred ? words.circa.replace('{{year}}', year) : year;
}

const names = new Map<string, Intl.DisplayNames>();
function displayNames(locale: LocaleCode, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale} ${type}`;
  let format = names.get(key);
  if (!format) names.set(key, (format = new Intl.DisplayNames([localeInfo(locale).bcp47], { type })));
  return format;
}

/** A country's name in the reader's language, from its ISO code. */
export function countryName(code: string, locale: LocaleCode): string {
  return displayNames(locale, 'region').of(code) ?? code;
}

/** A language's name in the reader's language ("inglés" for `en` read in Spanish). */
export function languageName(code: LocaleCode, inLocale: LocaleCode): string {
  return displayNames(inLocale, 'language').of(code) ?? code;
}
