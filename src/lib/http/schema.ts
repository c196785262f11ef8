/** zod validation that fails with a SchemaError naming the endpoint (decode once, at the boundary). */
import type { z } from 'zod';
import { SchemaError } from './errors.ts';

const MAX_ISSUES = 3;

function summarizeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues
    .slice(0, MAX_ISSUES)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  const more = issues.length > MAX_ISSUES ? ` (+${issues.length - MAX_ISSUES} more)` : '';
  return shown.join('; ') + more;
}

export function parseWith<T>(schema: z.ZodType<T>, data: unknown, endpoint: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new SchemaError(endpoint, summarizeIssues(result.error.issues));
  return result.data;
}
