/**
 * `npm run i18n:review -- --locale fr --case water-supply --by "Kim Min-ji" [--date 2026-12-02]`
 * (or `--page home`): records that a named person reviewed a translation on a given day (today,
 * UTC, by default) in its `translation:` block, changing only those lines. Refuses, with one line
 * saying why and what to do, and exit code 2, anything that would not be a true review: the
 * Korean source, a missing file, a stale translation, no name, a day that is not a day or is to come.
 */
import { parseArgs } from 'node:util';
import { contentDir, displayPath } from '../src/lib/paths.ts';
import { recordReview, ReviewRefused } from '../src/lib/translation-review.ts';

try {
  const { values } = parseArgs({
    options: {
      locale: { type: 'string' },
      case: { type: 'string' },
      page: { type: 'string' },
      by: { type: 'string' },
      date: { type: 'string' },
    },
  });
  const review = recordReview(contentDir(), values);
  console.log(`reviewed ${displayPath(review.file)}: ${review.reviewer}, ${review.date}`);
} catch (error) {
  // parseArgs names an unknown option or one without its value (TypeError with a code).
  if (!(error instanceof ReviewRefused) && !(error instanceof TypeError && 'code' in error)) throw error;
  console.error(
    `i18n:review: ${error.message}${error instanceof ReviewRefused ? '' : ' (usage: --locale fr --case water-supply --by "Full Name" [--date YYYY-MM-DD])'}`,
  );
  process.exitCode = 2;
}
