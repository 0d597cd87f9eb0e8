// Loaded into every Node process a benchmark runs (NODE_OPTIONS=--import): on exit, append this
// process's peak resident memory (KB) to $BENCH_RSS_FILE.
import fs from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
