import type { z } from 'zod';

/** One problem with an input, located by its path inside the input. */
export interface ContractIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ContractIssue[] };

/** `attendance[3].status`: the path as a reader would write it. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export function fromZod(error: z.ZodError): ContractIssue[] {
  return error.issues.map((i) => ({ path: i.path, message: i.message }));
}

/** Parse with a schema, turning a failure into issues instead of an exception. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fromZod(result.error) };
}
