/** The period report's reads: the province's org (one Query on by-province) and one Query per subject for its entries of the year. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrgIndex } from '../../shared/org/org-index.ts';
import type { StoredEntry } from '../../shared/ports/ledger-store.ts';
import type { ReportQueries } from '../../shared/ports/report-queries.ts';
import { mapLimit } from '../../shared/concurrency.ts';
import { queryAll } from './batch.ts';
import { entryFromItem } from './entry-item.ts';
import { entryYearPrefix, subjectPartition } from './keys.ts';
import { DynamoOrgStore } from './org-store.ts';

/** Queries in flight at once: a province's few thousand subjects in seconds, well under on-demand limits. */
const PARALLEL = 16;

export class DynamoReportQueries implements ReportQueries {
  private readonly org: DynamoOrgStore;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.org = new DynamoOrgStore(db, table);
  }

  provinceOrg(provinceId: string): Promise<OrgIndex> {
    return this.org.provinceOrg(provinceId);
  }

  async subjectEntries(subjectIds: readonly string[], year: string): Promise<StoredEntry[]> {
    const perSubject = await mapLimit(subjectIds, PARALLEL, (subjectId) =>
      queryAll(this.db, {
        TableName: this.table,
        // ENTRY#2026#…, ENTRY#2026-Q1#…, ENTRY#2026-03#…: the year, its quarters and months; not 2027.
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :year)',
        ExpressionAttributeValues: { ':pk': subjectPartition(subjectId), ':year': entryYearPrefix(year) },
      }),
    );
    return perSubject.flat().map(entryFromItem);
  }
}
