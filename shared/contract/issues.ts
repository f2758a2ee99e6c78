import type { z } from 'zod';
import { printable } from './printable.ts';

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

/** True when the path's last key is absent from the object that should hold it. */
function isAbsent(input: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let node = input;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  const last = path.at(-1);
  return last !== undefined && node !== null && typeof node === 'object' && !Object.hasOwn(node, last);
}

/** Zod's issues, said so that the field is named: an unknown key is its own path, a missing one says so. */
export function fromZod(error: z.ZodError, input?: unknown): ContractIssue[] {
  return error.issues.flatMap((i): ContractIssue[] => {
    // An unknown key is the input's own text: shown printable, since the path is printed.
    if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: [...i.path, printable(key)], message: 'unknown field (not in the contract)' }));
    if (input !== undefined && isAbsent(input, i.path)) return [{ path: i.path, message: `required field is missing (${i.message.replace(/^Invalid (input|option): /, '')})` }];
    return [{ path: i.path, message: i.message }];
  });
}

/** Parse with a schema, turning a failure into issues instead of an exception. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fromZod(result.error, input) };
}
