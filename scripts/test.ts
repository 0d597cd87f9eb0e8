/**
 * `npm test`: the house rules, then the tests.
 *
 * 1. Prettier, ESLint and `astro check` side by side (each is one process on one core; together
 *    they take as long as `astro check` alone). Each one's output is printed when it ends.
 * 2. Vitest, with any arguments given after `npm test --`.
 *
 * Vitest runs even when a house rule fails, so one run shows every problem; the exit code is
 * non-zero if anything failed.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  args: string[];
}

const houseRules: Step[] = [
  { name: 'prettier', command: 'prettier', args: ['--check', '.', '--log-level', 'warn'] },
  { name: 'eslint', command: 'eslint', args: ['.'] },
  { name: 'astro check', command: 'astro', args: ['check', '--minimumSeverity', 'warning'] },
];

/** Runs a step with its output held back; resolves to whether it passed, and what it printed. */
function quietly(step: Step): Promise<{ ok: boolean; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error) => resolve({ ok: false, output: `${step.command}: ${error.message}`, seconds: 0 }));
    child.on('close', (code) => resolve({ ok: code === 0, output, seconds: (performance.now() - started) / 1000 }));
  });
}

const results = await Promise.all(
  houseRules.map(async (step) => {
    const result = await quietly(step);
    const verdict = result.ok ? 'passed' : 'FAILED';
    console.log(`[test] ${step.name} ${verdict} in ${result.seconds.toFixed(1)} s`);
    if (!result.ok && result.output.trim()) console.log(result.output.trimEnd());
    return result.ok;
  }),
);

const vitest = await new Promise<number>((resolve) => {
  const child = spawn('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('error', () => resolve(1));
  child.on('close', (code) => resolve(code ?? 1));
});

const failed = houseRules.filter((_, i) => !results[i]).map((s) => s.name);
if (failed.length) console.error(`[test] house rules failed: ${failed.join(', ')} (run \`npm run lint\` and \`npm run check\` to see them alone)`);
process.exitCode = failed.length || vitest !== 0 ? 1 : 0;
