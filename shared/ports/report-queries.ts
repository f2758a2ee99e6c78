import type { OrgIndex } from '../org/org-index.ts';
import type { StoredEntry } from './ledger-store.ts';

/** What the period report reads (GET /report): on demand, never on a recurring path. */
export interface ReportQueries {
  /** The units, members and leaders of one province. */
  provinceOrg(provinceId: string): Promise<OrgIndex>;
  /** Every ledger entry of these subjects (cells, leaders) whose period lies in the year: its months, quarters and the year itself. */
  subjectEntries(subjectIds: readonly string[], year: string): Promise<StoredEntry[]>;
}
