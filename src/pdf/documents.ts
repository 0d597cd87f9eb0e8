import fs from 'node:fs';
import path from 'node:path';
import { localeCodes } from '../i18n/locales.ts';
import { manualRoute, pdfJobs, type PdfJob } from '../lib/routes.ts';

export type { PdfJob } from '../lib/routes.ts';

/** Every PDF of the route table for the locales and cases the built site has print routes for. */
export function allJobs(siteDir: string): PdfJob[] {
  const built = (route: string) => fs.existsSync(path.join(siteDir, route));
  return localeCodes
    .filter((locale) => built(manualRoute(locale)))
    .flatMap((locale) => {
      const casesDir = path.join(siteDir, 'print', locale, 'cases');
      return pdfJobs(fs.existsSync(casesDir) ? fs.readdirSync(casesDir).sort() : [], [locale]);
    });
}
