/** In-memory implementations of the API's ports (plain Maps), so the routes are tested without any store. */
import type { ApiDeps } from '../../shared/api/api-types.ts';
import type { Contact, PlacedContact } from '../../shared/contract/contacts.ts';
import type { DeliveryRecord } from '../../shared/contract/deliveries.ts';
import type { ContactDirectoryStore } from '../../shared/ports/contact-directory.ts';
import type { DeliveryLog } from '../../shared/ports/delivery-log.ts';
import type { MeetingEvent } from '../../shared/contract/events.ts';
import type { Finding, FindingKind } from '../../shared/contract/findings.ts';
import type { ObligationView } from '../../shared/contract/obligations.ts';
import { OrgSnapshot, type Unit } from '../../shared/contract/org.ts';
import type { EventBus } from '../../shared/ports/event-bus.ts';
import type { LedgerQueries, MeetingHeld, Scoped } from '../../shared/ports/ledger-queries.ts';
import type { OrgCounts, OrgStore } from '../../shared/ports/org-store.ts';
import type { StoredEntry } from '../../shared/ports/ledger-store.ts';
import type { ReportQueries } from '../../shared/ports/report-queries.ts';
import { OrgIndex } from '../../shared/org/org-index.ts';
import type { OrgReferences } from '../../shared/org/org-references.ts';
import { MapDecisions } from './map-decisions.ts';

export class MapOrgStore implements OrgStore {
  snapshot: OrgSnapshot | null = null;
  private parents = new Map<string, string | null>();

  constructor(snapshot?: OrgSnapshot) {
    if (snapshot) void this.replace(snapshot);
  }

  async replace(snapshot: OrgSnapshot): Promise<OrgCounts> {
    this.snapshot = snapshot;
    this.parents = new Map(snapshot.units.map((u) => [u.id, u.parentId]));
    return { units: snapshot.units.length, members: snapshot.members.length, leaders: snapshot.leaders.length };
  }

  async provinces(): Promise<readonly string[]> {
    return (this.snapshot?.units ?? []).filter((u) => u.parentId === null).map((u) => u.id);
  }

  async unitPaths(unitIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const id of unitIds) {
      if (!this.parents.has(id)) continue;
      const path: string[] = [];
      for (let u: string | null | undefined = id; u; u = this.parents.get(u)) path.unshift(u);
      out.set(id, path);
    }
    return out;
  }

  async eventReferences(): Promise<OrgReferences> {
    // The index takes a validated snapshot (defaults filled); the tests hand in the example's JSON.
    return new OrgIndex(OrgSnapshot.parse(this.snapshot ?? { units: [], members: [] })).references();
  }

  async provinceUnits(provinceId: string): Promise<Array<{ unit: Unit; path: string[] }>> {
    const units = this.snapshot?.units ?? [];
    const paths = await this.unitPaths(units.map((u) => u.id));
    return units.filter((u) => paths.get(u.id)![0] === provinceId).map((unit) => ({ unit, path: paths.get(unit.id)! }));
  }

  /** Only what DynamoOrgStore.unitOrg reads: the unit's path, its members, the leaders named or (covering) serving on the path. */
  readonly unitOrgCalls: string[] = [];
  async unitOrg(unitId: string, options: { leaderIds?: readonly string[]; covering?: boolean }): Promise<OrgIndex | null> {
    this.unitOrgCalls.push(unitId);
    const path = (await this.unitPaths([unitId])).get(unitId);
    if (!this.snapshot || !path) return null;
    const onPath = new Set(path);
    const named = new Set(options.leaderIds ?? []);
    const leaders = this.snapshot.leaders.filter((l) => named.has(l.id) || (options.covering === true && [...l.positions, ...l.assignments].some((p) => onPath.has(p.unitId))));
    const served = new Set(leaders.flatMap((l) => [...l.positions, ...l.assignments].map((p) => p.unitId)));
    const unitIds = new Set([...path, ...(await this.unitPaths([...served])).values()].flat());
    return new OrgIndex(OrgSnapshot.parse({
      units: this.snapshot.units.filter((u) => unitIds.has(u.id)),
      members: this.snapshot.members.filter((m) => m.cellId === unitId || leaders.some((l) => l.memberId === m.id)),
      leaders,
      ...(this.snapshot.packs ? { packs: this.snapshot.packs } : {}),
    }));
  }
}

export class MapLedger implements LedgerQueries {
  /** Findings with the unit path of their unit (root → unit). */
  readonly findingsByUnit: Array<Scoped<Finding>> = [];
  readonly obligationsBySubject = new Map<string, Array<Scoped<ObligationView>>>();
  readonly seen = new Set<string>();
  readonly meetings = new Map<string, string>();
  /** When a meeting of `meetings` was held (ms). */
  readonly held = new Map<string, number>();
  readonly calls: string[] = [];

  async findings(query: { unitId: string; period?: string; kind?: FindingKind }): Promise<Finding[]> {
    this.calls.push(`findings ${query.unitId} ${query.period ?? '-'} ${query.kind ?? '-'}`);
    return this.findingsByUnit
      .filter((f) => f.unitPath.includes(query.unitId))
      .map((f) => f.value)
      .filter((f) => (query.period === undefined || f.period === query.period) && (query.kind === undefined || f.kind === query.kind));
  }

  async obligations(query: { subjectId: string; period?: string }): Promise<Array<Scoped<ObligationView>>> {
    return (this.obligationsBySubject.get(query.subjectId) ?? []).filter((o) => query.period === undefined || o.value.period === query.period);
  }

  async seenEventIds(events: ReadonlyArray<{ eventId: string; meetingId: string }>): Promise<Set<string>> {
    return new Set(events.filter((e) => this.seen.has(e.eventId)).map((e) => e.eventId));
  }

  async meetingUnits(meetingIds: readonly string[]): Promise<Map<string, string>> {
    return new Map(meetingIds.flatMap((id) => (this.meetings.has(id) ? [[id, this.meetings.get(id)!] as const] : [])));
  }
  async meetingsHeld(meetingIds: readonly string[]): Promise<Map<string, MeetingHeld>> {
    this.calls.push(`meetingsHeld ${meetingIds.join(',')}`);
    return new Map(meetingIds.flatMap((id) => (this.meetings.has(id) ? [[id, { unitId: this.meetings.get(id)!, heldAt: this.held.get(id) ?? null }] as const] : [])));
  }

}

export class ArrayBus implements EventBus {
  readonly batches: MeetingEvent[][] = [];
  failWith: Error | null = null;

  async put(events: readonly MeetingEvent[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.batches.push([...events]);
  }

  get events(): MeetingEvent[] {
    return this.batches.flat();
  }
}

/** The report's reads over a snapshot and a list of stored entries. */
export class MapReports implements ReportQueries {
  readonly entries: StoredEntry[] = [];

  constructor(private readonly orgStore: MapOrgStore) {}

  async provinceOrg(): Promise<OrgIndex> {
    return new OrgIndex(OrgSnapshot.parse(this.orgStore.snapshot));
  }

  async subjectEntries(subjectIds: readonly string[], year: string): Promise<StoredEntry[]> {
    const ids = new Set(subjectIds);
    return this.entries.filter((e) => ids.has(e.subject.id) && e.period.startsWith(year));
  }
}

/** The contact directory in a Map, by recipient. */
export class MapContacts implements ContactDirectoryStore {
  readonly byRecipient = new Map<string, PlacedContact>();

  async replace(provinceIds: readonly string[], contacts: readonly PlacedContact[]): Promise<number> {
    for (const [r, c] of this.byRecipient) if (provinceIds.includes(c.provinceId)) this.byRecipient.delete(r);
    for (const c of contacts) this.byRecipient.set(c.recipient, c);
    return contacts.length;
  }

  async list(provinceIds: readonly string[]): Promise<PlacedContact[]> {
    return [...this.byRecipient.values()].filter((c) => provinceIds.includes(c.provinceId));
  }

  async contact(recipient: string): Promise<Contact | null> {
    const c = this.byRecipient.get(recipient);
    if (!c) return null;
    const { provinceId: _, ...contact } = c;
    return contact;
  }
}

/** A delivery log that only lists the records given to it: the API's reads. */
export class ListedDeliveries implements Pick<DeliveryLog, 'records'> {
  readonly log: DeliveryRecord[] = [];

  async records(select: { recipient: string } | { provinceIds: readonly string[] }): Promise<DeliveryRecord[]> {
    return this.log.filter((r) => ('recipient' in select ? r.recipient === select.recipient : select.provinceIds.includes(r.provinceId)));
  }
}

const unused = (): never => {
  throw new Error('not used by the API');
};

export function fakeDeps(snapshot: OrgSnapshot): ApiDeps & { orgStore: MapOrgStore; ledger: MapLedger; bus: ArrayBus; reports: MapReports; decisions: MapDecisions; contacts: MapContacts; listed: ListedDeliveries } {
  const orgStore = new MapOrgStore(snapshot);
  const listed = new ListedDeliveries();
  const deliveries: DeliveryLog = { records: (s) => listed.records(s), claim: unused, sent: unused, failed: unused, undeliverable: unused, hold: unused, held: unused };
  return { orgStore, ledger: new MapLedger(), bus: new ArrayBus(), reports: new MapReports(orgStore), decisions: new MapDecisions(), contacts: new MapContacts(), deliveries, listed, now: () => Date.parse('2026-04-04T00:00:00+07:00') };
}
