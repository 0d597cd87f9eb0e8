import { displayPath } from '../paths.ts';

/** One thing wrong (or worth a look) in the content, said for the author who has to fix it. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Absolute path of the file at fault. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** The field at fault, as a dotted path (`figures.2.source`). */
  field?: string | undefined;
  /** What is wrong and how to fix it. */
  message: string;
}

/** `content/cases/x/en.mdx:12 figures.users: message` — one line a problem. */
export function formatProblem(p: Problem): string {
  const where = displayPath(p.file) + (p.line ? `:${p.line}` : '');
  const field = p.field ? `${p.field}: ` : '';
  return `${p.severity === 'error' ? '✖' : '▲'} ${where}\n    ${field}${p.message}`;
}

/** The whole report, errors first, with a count line an author can read at a glance. */
export function formatReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const head = `Content check: ${errors.length} error(s), ${warnings.length} warning(s)`;
  return [head, ...[...errors, ...warnings].map(formatProblem)].join('\n');
}

/** Thrown when the content has errors; its message is the report. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatReport(problems));
    this.problems = problems;
    this.name = 'ContentError';
  }
}
