/**
 * `npm run i18n:import fr.xlf [es.xlf …]`: writes the translations of XLIFF files from an agency
 * back into the MDX files (docs/translation.md). Every file is checked before anything is
 * written; a problem names the unit, the XLIFF line and the MDX file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentDir, displayPath } from '../src/lib/paths.ts';
import { ImportError, importXliff } from '../src/lib/xliff/exchange.ts';
import { XliffError } from '../src/lib/xliff/xliff.ts';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('npm run i18n:import: name the XLIFF file(s) to import, e.g. npm run i18n:import fr.xlf');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  if (!fs.existsSync(file)) {
    console.error(`npm run i18n:import: ${file} does not exist`);
    failed = true;
    continue;
  }
  try {
    const result = importXliff(contentDir(), fs.readFileSync(file, 'utf8'), path.basename(file));
    console.log(
      result.written.length
        ? `${file}: ${result.units} unit(s) changed in ${result.written.map((f) => displayPath(f)).join(', ')} (status: draft until reviewed; npm run i18n:review records a sign-off)`
        : `${file}: no unit changed; nothing written`,
    );
  } catch (error) {
    failed = true;
    if (error instanceof ImportError || error instanceof XliffError)
      console.error(`npm run i18n:import: ${file} refused, nothing written from it:\n  ${error.message.split('\n').join('\n  ')}`);
    else throw error;
  }
}
if (failed) process.exit(1);
