/** The pipeline's use cases wired to dynalite and a recording notifier, as the Lambda handlers wire them to AWS. */
import { DynamoLedgerQueries } from '../../adapters/dynamodb/ledger-queries.ts';
import { DynamoLedgerStore } from '../../adapters/dynamodb/ledger-store.ts';
import { DynamoOrgStore } from '../../adapters/dynamodb/org-store.ts';
import { entryFromItem } from '../../adapters/dynamodb/entry-item.ts';
import { instantMs } from '../../shared/calendar/period.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import type { OrgSnapshot } from '../../shared/contract/org.ts';
import type { OrgIndex } from '../../shared/org/org-index.ts';
import type { Notification, Notifier } from '../../shared/ports/notifier.ts';
import type { RulePack } from '../../shared/rules/rule-pack.ts';
import { recordMeeting } from '../../shared/use-cases/record-meeting.ts';
import { sweepProvince } from '../../shared/use-cases/sweep-deadlines.ts';
import { startDynamo, type LocalDynamo } from './dynamo.ts';

export class RecordingNotifier implements Notifier {
  readonly sent: Notification[] = [];
  async publish(n: Notification): Promise<void> {
    this.sent.push(n);
  }
}

export class Pipeline {
  readonly store: DynamoLedgerStore;
  readonly orgStore: DynamoOrgStore;
  readonly queries: DynamoLedgerQueries;
  readonly notifier = new RecordingNotifier();
  now: number;

  constructor(
    readonly dynamo: LocalDynamo,
    readonly packs: readonly RulePack[],
    readonly from: string,
    now: string,
    /** Packs that govern everywhere; the others only where the org binds them. Default: all packs everywhere. */
    readonly everywhere?: ReadonlySet<string>,
  ) {
    this.store = new DynamoLedgerStore(dynamo.db, dynamo.table);
    this.orgStore = new DynamoOrgStore(dynamo.db, dynamo.table);
    this.queries = new DynamoLedgerQueries(dynamo.db, dynamo.table);
    this.now = instantMs(now);
  }

  /** A pipeline on a fresh dynalite table holding the org: what each integration test starts from. */
  static async start(org: OrgIndex, packs: readonly RulePack[], from: string, now: string, everywhere?: ReadonlySet<string>): Promise<Pipeline> {
    const pipeline = new Pipeline(await startDynamo(), packs, from, now, everywhere);
    await pipeline.orgStore.replace(org.snapshot);
    return pipeline;
  }

  /** What the use cases are given: a test may swap a port. */
  get deps() {
    return { store: this.store, notifier: this.notifier, config: { packs: this.packs, from: instantMs(this.from), ...(this.everywhere ? { everywhere: this.everywhere } : {}) }, now: () => this.now };
  }

  /** The meeting-event handler's use case, its clock at `at` (an instant or ms) when given. */
  record(event: MeetingEvent, at?: string | number) {
    if (at !== undefined) this.now = typeof at === 'number' ? at : instantMs(at);
    return recordMeeting(event, this.deps);
  }

  /** The daily sweep of every province, its clock at `at`. */
  async sweep(at: string) {
    this.now = instantMs(at);
    const results = [];
    for (const provinceId of await this.store.provinces()) results.push(await sweepProvince({ provinceId, at }, this.deps));
    return results;
  }

  /** Findings raised and not withdrawn, over every province. */
  async activeFindings(org: OrgSnapshot): Promise<Finding[]> {
    const roots = org.units.filter((u) => u.parentId === null).map((u) => u.id);
    const all = (await Promise.all(roots.map((unitId) => this.queries.findings({ unitId })))).flat();
    return all;
  }

  /** The stored ledger in the in-memory Ledger's snapshot form: entry → slot → meeting ids. */
  async ledgerSnapshot(): Promise<Record<string, Record<string, string[]>>> {
    const out: Record<string, Record<string, string[]>> = {};
    for (const item of await this.dynamo.scanAll()) {
      if (!String(item['sk']).startsWith('ENTRY#')) continue;
      const entry = entryFromItem(item);
      const slots: Record<string, string[]> = {};
      for (const [meetingId, r] of entry.registers) for (const slot of Object.keys(r.slots)) (slots[slot] ??= []).push(meetingId);
      if (Object.keys(slots).length === 0) continue;
      out[`${entry.ruleId}|${entry.subject.type}:${entry.subject.id}|${entry.period}`] = Object.fromEntries(Object.entries(slots).sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, ids]) => [s, ids.sort()]));
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
