/**
 * How `chibo evaluate` splits one run over worker threads without changing a
 * finding. A meeting lives in one worker (all its versions go where its first
 * line went), so every mark it makes is in that worker's ledger; a subject's
 * findings are made by one worker, which first receives the subject's
 * entries from the others (a leader visits many cells). Cells, their members
 * and their meetings share a worker, so most entries never move.
 */
import type { Subject } from '../contract/findings.ts';
import type { Ledger, LedgerEntry, MeetingEntry } from '../ledger/ledger.ts';
import type { OrgIndex } from '../org/org-index.ts';

export interface Partition {
  readonly index: number;
  readonly count: number;
}

/** The worker a key belongs to: FNV-1a of its UTF-16 units, the same in every thread and run. */
export function ownerOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/** Where a meeting lives, from its first line: with its cell, or by its own id when the line names no unit. */
export function meetingHome(meetingId: string, unitId: string | undefined): string {
  return unitId ?? meetingId;
}

/**
 * The worker that makes a subject's findings. A meeting's are made where it
 * lives (`meetingOwner`); a member's with the cell the org puts them in.
 */
export function subjectOwner(subject: Subject, org: OrgIndex, count: number, meetingOwner: (meetingId: string) => number | undefined): number {
  switch (subject.type) {
    case 'meeting':
      return meetingOwner(subject.id) ?? ownerOf(subject.id, count);
    case 'member':
      return ownerOf(org.members.get(subject.id)?.cellId ?? subject.id, count);
    default:
      return ownerOf(subject.id, count);
  }
}

/**
 * What one worker hands another: entries of subjects the other owns, and the
 * meetings those entries name (without their marks), since a finding may
 * describe a meeting it counts (a cell-year's rated meetings, for one).
 */
export interface Parcel {
  entries: LedgerEntry[];
  meetings: MeetingEntry[];
}

/** By worker index, what each other worker is to receive; the caller takes the entries out of its ledger. */
export function outgoingParcels(ledger: Ledger, partition: Partition, ownerOfSubject: (subject: Subject) => number): Parcel[] {
  const out: Parcel[] = Array.from({ length: partition.count }, () => ({ entries: [], meetings: [] }));
  const named: Array<Set<string>> = out.map(() => new Set());
  for (const entry of ledger.allEntries()) {
    const owner = ownerOfSubject(entry.subject);
    if (owner === partition.index) continue;
    // Parcels cross threads by structured clone, which keeps a Map but not the ledger's own small maps.
    out[owner]!.entries.push({ ...entry, slots: new Map([...entry.slots].map(([slot, meetings]) => [slot, new Map(meetings)])) });
    for (const meetings of entry.slots.values()) for (const id of meetings.keys()) named[owner]!.add(id);
  }
  named.forEach((ids, owner) => {
    for (const id of ids) {
      const meeting = ledger.meetings.get(id);
      if (meeting) out[owner]!.meetings.push({ ...meeting, marks: [] });
    }
  });
  return out;
}
