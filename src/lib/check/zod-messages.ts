import type { z } from 'astro/zod';

/** A zod issue turned into words for an author: the field it is about and what to do. */
export interface FieldMessage {
  path: PropertyKey[];
  message: string;
}

const describe = (input: unknown): string =>
  input === null
    ? 'empty'
    : Array.isArray(input)
      ? 'a list'
      : typeof input === 'object'
        ? 'a group of fields'
        : typeof input === 'string'
          ? `the text ${JSON.stringify(input)}`
          : JSON.stringify(input);

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number (no quotes, no units, e.g. 94.4)',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a group of fields',
};

/**
 * Friendly wording for zod issues, pinned by snapshot tests.
 * Needs the issues of a parse run with `reportInput: true`.
 */
export function fieldMessages(issues: readonly z.core.$ZodIssue[]): FieldMessage[] {
  return issues.flatMap((issue): FieldMessage[] => {
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'invalid_type':
        return [
          {
            path: issue.path,
            message:
              input === undefined
                ? `is missing. Add \`${String(issue.path.at(-1))}:\` with ${expectedWords[issue.expected] ?? issue.expected}.`
                : `should be ${expectedWords[issue.expected] ?? issue.expected}, but is ${describe(input)}.`,
          },
        ];
      case 'invalid_value':
        return [{ path: issue.path, message: `${describe(input)} is not allowed. Use one of: ${issue.values.map(String).join(', ')}.` }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          path: [...issue.path, key],
          message: `is not a known field. Check the spelling, or remove it (see docs/authoring.md).`,
        }));
      case 'invalid_union': {
        // A figure or a `fact:` reference, a number or a text…: report the branch the author
        // evidently meant (the one with fewest problems); a tie is a year written wrongly.
        const branches = [...((issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [])].sort((a, b) => a.length - b.length);
        const [best, next] = branches;
        if (best && next && best.length < next.length) return fieldMessages(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
        return [{ path: issue.path, message: issue.message.startsWith('Invalid') ? 'write a year (2004) or a span of years (1990-2013).' : issue.message }];
      }
      case 'too_small':
        return [
          {
            path: issue.path,
            message: issue.message.startsWith('Too small') ? `is too short or empty (${issue.message.toLowerCase()}).` : `${issue.message}.`,
          },
        ];
      default:
        return [{ path: issue.path, message: issue.message.endsWith('.') ? issue.message : `${issue.message}.` }];
    }
  });
}
