import { formatPath, type ContractIssue } from '../shared/contract/issues.ts';
import type { JsonTextIssue } from '../shared/contract/json-text.ts';
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

  /** JSON text that did not parse: on line `line` of a JSON Lines file (the parser's "line 1" of that one line left out), else where the parser says. */
  static fromJsonIssue(file: string, line: number | null, issue: JsonTextIssue): InputError {
    return new InputError(file, line ?? issue.line, issue.path.length > 0 ? formatPath(issue.path) : null, line === null ? issue.message : issue.message.replace(/ at line 1,/, ' at'));
  }
}

/** The API's `attendance.3.status` as the CLI writes paths: `attendance[3].status`. */
export const cliPath = (dotted: string): string => formatPath(dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
