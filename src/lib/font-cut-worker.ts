/**
 * A thread that cuts font subsets (`subset-font`: HarfBuzz, then WOFF2 compression, which takes
 * seconds for a CJK font), so the build cuts several at once. Used by `src/lib/font-subset.ts`.
 */
import { parentPort } from 'node:worker_threads';
import subsetFont from 'subset-font';
import { layoutFeatures } from '../i18n/fonts.ts';

/** `keepFeatures` is subset-font's own option (its type package does not list it yet). */
const options = { targetFormat: 'woff2' as const, keepFeatures: [...layoutFeatures] };

parentPort?.on('message', (job: { id: number; source: Uint8Array; text: string }) => {
  subsetFont(Buffer.from(job.source), job.text, options).then(
    (bytes) => parentPort?.postMessage({ id: job.id, bytes: new Uint8Array(bytes) }),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
