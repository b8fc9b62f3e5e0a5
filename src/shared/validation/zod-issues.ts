import type { z } from 'zod';

/**
 * A zod error as `{ "dotted.path": "Dutch message" }`, first message per field. Schemas carry
 * Dutch messages where a person sees them; zod's English defaults are translated here.
 */
export function zodIssues(error: z.ZodError, rootLabel = '(aanvraag)'): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join('.') : rootLabel;
    issues[path] ??= translateIssue(issue);
  }
  return issues;
}

export function firstIssue(issues: Record<string, string>): string {
  return Object.values(issues)[0] ?? 'onbekende fout';
}

function translateIssue(issue: z.core.$ZodIssue): string {
  if (issue.message && !/^(Invalid|Expected|Too|Unrecognized)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Onbekend veld: ${issue.keys.join(', ')}.`;
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? 'Dit veld ontbreekt.'
        : `Verkeerd type: verwacht ${issue.expected}.`;
    case 'too_big':
      return 'Waarde is te groot.';
    case 'too_small':
      return 'Waarde is te klein.';
    case 'invalid_value':
      return 'Waarde is niet toegestaan.';
    case 'invalid_union':
      return 'Onbekende soort.';
    case 'invalid_format':
      return 'Ongeldig formaat.';
    default:
      return 'Ongeldige waarde.';
  }
}
