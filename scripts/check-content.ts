/**
 * `npm run check:content`: the content check alone, in a second, without building.
 * Prints every problem with file, line and field; exits 1 when there are errors.
 */
import { checkContent, formatReport } from '../src/lib/check/index.ts';
import { contentDir } from '../src/lib/paths.ts';

const problems = checkContent(contentDir());
console.log(problems.length ? formatReport(problems) : 'Content check: no problems');
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
