import { formatPath, type ContractIssue } from '../shared/contract/issues.ts';
import { printable } from '../shared/contract/printable.ts';

/** Bad input: the CLI prints one line naming the file, the line and the field, and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    detail: string,
  ) {
    // Fields and details can quote the input: printed with its control characters shown, never obeyed.
    super(`${printable(file)}${line === null ? '' : `:${line}`}: ${field === null ? '' : `${printable(field)}: `}${printable(detail, true)}`);
  }

  static fromIssue(file: string, line: number | null, issue: ContractIssue): InputError {
    return new InputError(file, line, formatPath(issue.path), issue.message);
  }
}

/** The API's `attendance.3.status` as the CLI writes paths: `attendance[3].status`. */
export const cliPath = (dotted: string): string => formatPath(dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
