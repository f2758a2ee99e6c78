import { fromZod, type Parsed } from '../contract/issues.ts';
import { OrgSnapshot } from '../contract/org.ts';
import { checkOrgReferences } from './check-org.ts';
import { OrgIndex } from './org-index.ts';

/** Validate an org snapshot (shape, then references) and index it. */
export function parseOrg(input: unknown): Parsed<OrgIndex> {
  const shape = OrgSnapshot.safeParse(input);
  if (!shape.success) return { ok: false, issues: fromZod(shape.error, input) };
  const issues = checkOrgReferences(shape.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: new OrgIndex(shape.data) };
}
