import { compileFastParse, UNSURE } from '../contract/fast-parse.ts';
import { fromZod, type Parsed } from '../contract/issues.ts';
import { OrgSnapshot } from '../contract/org.ts';
import { checkOrgReferences } from './check-org.ts';
import { OrgIndex } from './org-index.ts';

const fastSnapshot = compileFastParse(OrgSnapshot, { owned: true });

/** Validate an org snapshot (shape, then references) and index it; the input is left as it is. */
export function parseOrg(input: unknown): Parsed<OrgIndex> {
  const shape = OrgSnapshot.safeParse(input);
  if (!shape.success) return { ok: false, issues: fromZod(shape.error, input) };
  return indexed(shape.data);
}

/**
 * `parseOrg` for JSON the caller owns and drops (a file just read): the
 * shape is checked by the fast path compiled from the schema, which
 * completes the input in place instead of copying a country's 5.6 million
 * members; zod runs only on a snapshot that fails, to say where.
 */
export function parseOwnedOrg(input: unknown): Parsed<OrgIndex> {
  const snapshot = fastSnapshot(input);
  return snapshot === UNSURE ? parseOrg(input) : indexed(snapshot);
}

function indexed(snapshot: OrgSnapshot): Parsed<OrgIndex> {
  const issues = checkOrgReferences(snapshot);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: new OrgIndex(snapshot) };
}
