/**
 * Whole-file JSON inputs (the org snapshot, a rule pack) with errors located
 * at the line of the offending field, found with jsonc-parser's syntax tree.
 */
import { readFile, stat } from 'node:fs/promises';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { formatPath, type ContractIssue, type Parsed } from '../shared/contract/issues.ts';
import { lineAt, parseJsonText } from '../shared/contract/json-text.ts';
import { InputError } from './input-error.ts';
import { readLargeJsonObject } from './read-large-json.ts';

/** The line of the deepest node the path reaches (the field itself, or the object that lacks it). */
function lineOfPath(text: string, path: ReadonlyArray<PropertyKey>): number | null {
  const tree = parseTree(text);
  if (!tree) return null;
  for (let depth = path.length; depth >= 0; depth--) {
    const segments = path.slice(0, depth).map((p) => (typeof p === 'number' ? p : String(p)));
    const node = findNodeAtLocation(tree, segments);
    if (node) return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return null;
}

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(file, null, null, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** Above this, a file is read as a stream (read-large-json.ts): one string of it could pass V8's limit. */
const LARGE_FILE_BYTES = 256 * 1024 * 1024;

export async function readJsonFile<T>(file: string, parseValue: (json: unknown) => Parsed<T>): Promise<T> {
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size > LARGE_FILE_BYTES) {
    const { json, lineOf } = await readLargeJsonObject(file);
    const parsed = parseValue(json);
    if (parsed.ok) return parsed.value;
    const issue: ContractIssue = parsed.issues[0]!;
    throw InputError.fromIssue(file, lineOf(issue.path), issue);
  }
  // A leading byte order mark is skipped by parseJsonText; it holds no line break, so lines count the same.
  const text = await readText(file);
  const read = parseJsonText(text);
  if (!read.ok) {
    const { path, message, line } = read.issue;
    throw new InputError(file, line, path.length > 0 ? formatPath(path) : null, message);
  }
  const json = read.json;
  const parsed = parseValue(json);
  if (parsed.ok) return parsed.value;
  const issue: ContractIssue = parsed.issues[0]!;
  throw InputError.fromIssue(file, lineOfPath(text, issue.path), issue);
}
