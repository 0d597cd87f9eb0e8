import fs from 'node:fs';
import path from 'node:path';
import { localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { editions, type Edition } from './editions.ts';

/** One PDF to print: which print route, which edition, and where it goes under `dist/`. */
export interface PdfJob {
  locale: LocaleCode;
  kind: 'manual' | 'brochure';
  /** The case, for a brochure. */
  slug?: string;
  edition: Edition;
  /** The print route, e.g. `/print/es/cases/transit-card/`. */
  route: string;
  /** Path under the site folder, e.g. `pdf/es/transit-card-print.pdf`. */
  output: string;
  /** For a custom pack: the cases to keep, in order. */
  only?: string[];
}

/** Every PDF in DESIGN.md's table, for each locale and case the built site has print routes for. */
export function allJobs(siteDir: string): PdfJob[] {
  const jobs: PdfJob[] = [];
  for (const locale of localeCodes) {
    const casesDir = path.join(siteDir, 'print', locale, 'cases');
    if (!fs.existsSync(path.join(siteDir, 'print', locale, 'manual'))) continue;
    const slugs = fs.existsSync(casesDir) ? fs.readdirSync(casesDir).sort() : [];
    for (const edition of Object.keys(editions) as Edition[]) {
      const suffix = editions[edition].suffix;
      jobs.push({ locale, kind: 'manual', edition, route: `/print/${locale}/manual/`, output: `pdf/${locale}/manual${suffix}.pdf` });
      for (const slug of slugs) {
        jobs.push({ locale, kind: 'brochure', slug, edition, route: `/print/${locale}/cases/${slug}/`, output: `pdf/${locale}/${slug}${suffix}.pdf` });
      }
    }
  }
  return jobs;
}
