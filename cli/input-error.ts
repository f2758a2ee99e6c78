import { formatPath, type ContractIssue } from '../shared/contract/issues.ts';

/** Bad input: the CLI prints one line naming the file, the line and the field, and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${field === null ? '' : `${field}: `}${detail}`);
  }

  static fromIssue(file: string, line: number | null, issue: ContractIssue): InputError {
    return new InputError(file, line, formatPath(issue.path), issue.message);
  }
}
