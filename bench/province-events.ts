/**
 * One year (2026) of meeting events for the synthetic province, written month
 * by month as JSON Lines: each month holds only its own visit plan and a few
 * late events (corrections, redeliveries, retractions), never the year.
 *
 * What a month looks like: each commune committee meets once; each cell holds
 * its regular meeting (5% of cell-months hold none), and once a quarter
 * either a `combined` session or a separate `thematic` one; 8% of attendance
 * entries are absent or excused; leaders visit; about 1% of events are sent
 * twice, 0.5% corrected by a version 2, and a few mistaken records retracted.
 */
import type { z } from 'zod';
import type { MeetingKind, MeetingRecorded, MeetingRetracted } from '../shared/contract/events.ts';
import type { LineWriter } from './line-writer.ts';
import { THEMATIC_TOPICS } from './names.ts';
import type { CellModel, CommuneModel, ProvinceModel, ProvincialLeaderModel } from './province-org.ts';
import type { Rng } from './rng.ts';

type Recorded = z.input<typeof MeetingRecorded>;
type Retracted = z.input<typeof MeetingRetracted>;
/** unitId → the leaders who visit its meeting this month. */
type VisitPlan = Map<string, Set<string>>;

const YEAR = 2026;
const OFFSET_MS = 7 * 3600_000;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Nothing is recorded after this, so every event is known at the benchmark's --as-of (2027-01-05). */
const LAST_RECORDED = Date.parse('2027-01-04T20:00:00+07:00');

const P_NO_MEETING = 0.05;
const P_ABSENT = 0.04;
const P_EXCUSED = 0.04;
const P_DUPLICATE = 0.01;
const P_CORRECTION = 0.005;
const P_MISTAKEN_COPY = 0.0005;

export interface EventCounts {
  /** Lines in the file: every event, duplicates included. */
  lines: number;
  /** Distinct meetingIds that have a MeetingRecorded. */
  meetings: number;
  /** Distinct MeetingRecorded events (by eventId): meetings, their corrections and mistaken copies. */
  recordedEvents: number;
  /** Attendance entries of the distinct MeetingRecorded events. */
  attendance: number;
  duplicates: number;
  corrections: number;
  retractions: number;
  visits: number;
}

const localMs = (month: number, day: number, hour: number, minute: number): number => Date.UTC(YEAR, month - 1, day, hour, minute) - OFFSET_MS;
const iso = (ms: number): string => `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
const month2 = (month: number): string => `${YEAR}-${String(month).padStart(2, '0')}`;

export class ProvinceEvents {
  readonly counts: EventCounts = { lines: 0, meetings: 0, recordedEvents: 0, attendance: 0, duplicates: 0, corrections: 0, retractions: 0, visits: 0 };
  /** Events that arrive late: written once the month's meetings are out. */
  private pending: string[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly out: LineWriter,
  ) {}

  async writeYear(province: ProvinceModel): Promise<void> {
    await this.writeMonths(province, 12);
  }

  /** The first `months` months of 2026 (the country benchmark writes one). */
  async writeMonths(province: ProvinceModel, months: number): Promise<void> {
    const provincial = this.provincialPlans(province.provincialLeaders);
    for (let month = 1; month <= months; month++) {
      const plan = provincial[month - 1]!;
      for (const commune of province.communes) {
        this.communeVisits(commune, plan);
        await this.committeeMeeting(commune, month, plan.get(commune.id));
        for (const cell of commune.cells) await this.cellMonth(cell, month, plan.get(cell.id));
      }
      for (const line of this.pending) await this.write(line);
      this.pending = [];
    }
  }

  private async write(line: string): Promise<void> {
    this.counts.lines++;
    await this.out.line(line);
  }

  /** Quarterly visits of provincial leaders, spread over the months of each quarter. */
  private provincialPlans(leaders: readonly ProvincialLeaderModel[]): VisitPlan[] {
    const { rng } = this;
    const plans: VisitPlan[] = Array.from({ length: 12 }, () => new Map());
    const residentialOf = (c: CommuneModel): string => rng.pick(c.residential).id;
    for (let q = 0; q < 4; q++) {
      const visit = (unitId: string, leaderId: string): void => addVisit(plans[q * 3 + rng.int(0, 2)]!, unitId, leaderId);
      for (const leader of leaders) {
        const difficult = leader.communes.filter((c) => c.especiallyDifficult);
        if (leader.role === 'standing_committee') {
          const commune = rng.pick(leader.communes);
          if (rng.chance(0.9)) visit(rng.chance(0.5) ? commune.id : residentialOf(commune), leader.id);
        } else if (difficult.length > 0) {
          // Quy định 18: a commune committee meeting and a residential cell each quarter.
          if (rng.chance(0.85)) visit(rng.pick(difficult).id, leader.id);
          if (rng.chance(0.85)) visit(residentialOf(rng.pick(difficult)), leader.id);
        } else if (rng.chance(0.6)) {
          visit(residentialOf(rng.pick(leader.communes)), leader.id);
        }
      }
    }
    return plans;
  }

  /** Commune committee members visit one residential cell a month (8% forget), some a second. */
  private communeVisits(commune: CommuneModel, plan: VisitPlan): void {
    const { rng } = this;
    for (const leader of commune.leaders) {
      const others = commune.residential.filter((c) => c.id !== leader.ownCellId);
      if (others.length === 0) continue;
      if (rng.chance(0.92)) addVisit(plan, rng.pick(others).id, leader.id);
      if (rng.chance(0.12)) addVisit(plan, rng.pick(others).id, leader.id);
    }
  }

  private async committeeMeeting(commune: CommuneModel, month: number, visitors: Set<string> | undefined): Promise<void> {
    const { rng } = this;
    if (rng.chance(0.03)) return;
    const attendance = commune.leaders.map((l) => ({ memberId: l.memberId, status: rng.chance(0.95) ? ('present' as const) : ('excused' as const) }));
    const held = localMs(month, rng.int(1, 10), 8, 0);
    await this.record(this.meeting(`${commune.id}.${month2(month)}.dy`, commune.id, 'committee', held, attendance, visitors, `Hội nghị Ban Chấp hành Đảng bộ tháng ${month}/${YEAR}`), false);
  }

  private async cellMonth(cell: CellModel, month: number, visitors: Set<string> | undefined): Promise<void> {
    const { rng } = this;
    if (rng.chance(P_NO_MEETING)) return;
    const thematicHere = (month - 1) % 3 === cell.thematicMonth;
    const day = Math.min(26, Math.max(1, cell.day + rng.int(-3, 3)));
    const kind: MeetingKind = thematicHere && cell.thematicStyle === 'combined' ? 'combined' : 'regular';
    const topic = kind === 'combined' ? rng.pick(THEMATIC_TOPICS) : `Sinh hoạt thường kỳ tháng ${month}/${YEAR}`;
    const id = `${cell.id}.${month2(month)}`;
    await this.record(this.meeting(`${id}.r`, cell.id, kind, localMs(month, day, cell.hour, cell.minute), this.attendance(cell), visitors, topic), true);
    if (thematicHere && cell.thematicStyle === 'separate') {
      const held = localMs(month, Math.min(28, day + rng.int(5, 12)), cell.hour, cell.minute);
      await this.record(this.meeting(`${id}.t`, cell.id, 'thematic', held, this.attendance(cell), undefined, rng.pick(THEMATIC_TOPICS)), true);
    }
  }

  /** Exempted members are not in `attendees`, so they are left out of every list. */
  private attendance(cell: CellModel): Recorded['attendance'] {
    return cell.attendees.map((memberId) => {
      const r = this.rng.float();
      return { memberId, status: r < P_ABSENT ? 'absent' : r < P_ABSENT + P_EXCUSED ? 'excused' : 'present' };
    });
  }

  private meeting(meetingId: string, unitId: string, kind: MeetingKind, held: number, attendance: Recorded['attendance'], visitors: Set<string> | undefined, topic: string): Recorded {
    const { rng } = this;
    const ended = held + rng.int(80, 150) * MINUTE;
    const present = attendance.filter((a) => a.status === 'present').length;
    const thematic = kind === 'thematic' || kind === 'combined';
    return {
      type: 'MeetingRecorded',
      eventId: `ev.${meetingId}.v1`,
      meetingId,
      version: 1,
      unitId,
      kind,
      heldAt: iso(held),
      endedAt: iso(ended),
      recordedAt: iso(Math.min(LAST_RECORDED, ended + rng.int(30, 3 * 24 * 60) * MINUTE)),
      attendance,
      ...(visitors && visitors.size > 0 ? { visitingLeaderIds: [...visitors] } : {}),
      ...(thematic ? { resolutionIssued: rng.chance(0.9) } : {}),
      ...(rng.chance(0.7) ? { speakerCount: rng.int(0, Math.min(15, present)) } : {}),
      topic,
    };
  }

  /** Write a version 1 and what may follow it: a redelivery, a correction, a mistaken copy and its retraction. */
  private async record(event: Recorded, mayBeCopied: boolean): Promise<void> {
    const { rng } = this;
    await this.recorded(event);
    if (rng.chance(P_DUPLICATE)) {
      this.counts.duplicates++;
      // Half are retried at once, half redelivered later (at-least-once delivery).
      if (rng.chance(0.5)) await this.write(JSON.stringify(event));
      else this.pending.push(JSON.stringify(event));
    }
    if (rng.chance(P_CORRECTION)) this.pending.push(this.countRecorded(this.correction(event)));
    if (mayBeCopied && rng.chance(P_MISTAKEN_COPY)) {
      const copyId = `${event.meetingId}.x`;
      const recordedAt = Date.parse(event.recordedAt);
      await this.recorded({ ...event, eventId: `ev.${copyId}.v1`, meetingId: copyId, recordedAt: iso(Math.min(LAST_RECORDED, recordedAt + 5 * MINUTE)) });
      const retraction: Retracted = { type: 'MeetingRetracted', eventId: `ev.${copyId}.retract`, meetingId: copyId, recordedAt: iso(Math.min(LAST_RECORDED, recordedAt + rng.int(1, 5) * DAY)), reason: 'ghi trùng biên bản' };
      this.counts.retractions++;
      this.pending.push(JSON.stringify(retraction));
    }
  }

  private async recorded(event: Recorded): Promise<void> {
    this.counts.meetings++;
    this.counts.visits += event.visitingLeaderIds?.length ?? 0;
    await this.write(this.countRecorded(event));
  }

  private countRecorded(event: Recorded): string {
    this.counts.recordedEvents++;
    this.counts.attendance += event.attendance.length;
    return JSON.stringify(event);
  }

  /** Version 2: an absence turned out to be excused, a late resolution recorded, or the end time fixed. */
  private correction(event: Recorded): Recorded {
    const { rng } = this;
    this.counts.corrections++;
    let changed = false;
    const attendance = event.attendance.map((a) => (!changed && a.status === 'absent' ? ((changed = true), { ...a, status: 'excused' as const }) : a));
    const thematic = event.resolutionIssued !== undefined;
    return {
      ...event,
      eventId: `ev.${event.meetingId}.v2`,
      version: 2,
      recordedAt: iso(Math.min(LAST_RECORDED, Date.parse(event.recordedAt) + rng.int(1, 7) * DAY)),
      attendance,
      ...(thematic ? { resolutionIssued: true } : {}),
      ...(changed || thematic ? {} : { endedAt: iso(Date.parse(event.heldAt) + rng.int(80, 150) * MINUTE) }),
    };
  }
}

function addVisit(plan: VisitPlan, unitId: string, leaderId: string): void {
  const visitors = plan.get(unitId);
  if (visitors) visitors.add(leaderId);
  else plan.set(unitId, new Set([leaderId]));
}
