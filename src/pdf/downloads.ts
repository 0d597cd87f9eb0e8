import fs from 'node:fs';
import path from 'node:path';
import { useTranslations } from '../i18n/index.ts';
import { isLocale, localeInfo } from '../i18n/locales.ts';
import type { PrintReport } from './print.ts';

/**
 * After printing, writes each PDF's page count and size next to its download link
 * (`<span data-pdf-info="pdf/es/dmc.pdf"></span>`), in the language of the page.
 */
export function fillDownloadInfo(siteDir: string, report: PrintReport): number {
  const files = new Map(report.files.map((f) => [f.output, f]));
  let filled = 0;
  for (const file of fs.globSync('*/**/index.html', { cwd: siteDir }) as string[]) {
    const locale = file.split('/')[0] ?? '';
    if (!isLocale(locale)) continue;
    const full = path.join(siteDir, file);
    const html = fs.readFileSync(full, 'utf8');
    if (!html.includes('data-pdf-info')) continue;
    const t = useTranslations(locale);
    const size = new Intl.NumberFormat(localeInfo(locale).bcp47, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
    const out = html.replace(/<span data-pdf-info="([^"]+)"><\/span>/g, (whole, output: string) => {
      const info = files.get(output);
      if (!info) return whole;
      filled++;
      return `<span data-pdf-info="${output}">${t('print.pages', { count: info.pages })}, ${size.format(Math.round(info.bytes / 1024))}</span>`;
    });
    fs.writeFileSync(full, out);
  }
  return filled;
}
