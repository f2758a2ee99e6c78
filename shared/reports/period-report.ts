/**
 * The period report (Hà Nội Đề án 11 KPIs) from the ledger's entries: per
 * unit of a subtree, how many cells met every month, held a thematic meeting,
 * their mean attendance, the leaders' quotas and the open violations. Pure:
 * the API gathers the entries and the org, the CLI and the dashboard format.
 * Which rules feed which KPI is read from the rules themselves, so a
 * province's pack with its own monthly or leader rules is counted too.
 */
import { localDateOf, periodBounds, periodOf, periodsStartingBetween, periodWithin, type Granularity } from '../calendar/period.ts';
import { isExcused, type Decision } from '../contract/decisions.ts';
import { findingIdentity, type Finding, type PeriodId } from '../contract/findings.ts';
import type { Leader, Unit } from '../contract/org.ts';
import type { PeriodReport, ReportRow } from '../contract/report.ts';
import { coversDate, overlapsDays, type OrgIndex } from '../org/org-index.ts';
import type { StoredEntry } from '../ports/ledger-store.ts';
import type { Rule } from '../rules/rule-pack.ts';
import { storedRatingsOf } from '../rules/templates/rated-meeting.ts';
import { meetingRating, qualityColumns, type MeetingRating } from './quality-distribution.ts';
import { subtreeInOrder } from './unit-tree.ts';

export interface PeriodReportInput {
  org: OrgIndex;
  unitId: string;
  period: PeriodId;
  asOf: number;
  rules: ReadonlyMap<string, Rule>;
  /** Entries of the subtree's cells and leaders for the period's year (months, quarters and the year). */
  entries: readonly StoredEntry[];
  /** Findings raised and not withdrawn in the subtree. */
  findings: readonly Finding[];
  /** Inspection committees' decisions by finding identity: an excused violation is counted apart from the open ones. */
  decisions?: ReadonlyMap<string, readonly Decision[]>;
}

/** What a rule contributes to the report. */
export type ReportRole = 'monthly-meeting' | 'thematic-meeting' | 'attendance' | 'leader-quota' | 'quality' | null;

export function roleOf(rule: Rule | undefined): ReportRole {
  if (!rule) return null;
  if (rule.template === 'excused-absence-streak') return 'attendance';
  if (rule.template === 'quality-rating') return 'quality';
  if (rule.template !== 'counted-meetings') return null;
  if (rule.subject.type === 'leader') return 'leader-quota';
  if (rule.requirements.some((q) => q.anyOf.some((p) => p.kinds?.includes('thematic')))) return 'thematic-meeting';
  return rule.period === 'month' ? 'monthly-meeting' : null;
}

interface CellFacts {
  monthsMet: Map<PeriodId, boolean>;
  thematic: boolean;
  /** meetingId → attendance percent */
  attendance: Map<string, number>;
  /** meetingId → its rating on a score sheet */
  ratings: Map<string, MeetingRating>;
}

interface LeaderFacts {
  met: boolean;
  missing: Record<string, number>;
}

export function periodReport(input: PeriodReportInput): PeriodReport {
  const { org, period, asOf } = input;
  const bounds = periodBounds(period);
  const root = org.unit(input.unitId);
  if (!root) throw new Error(`unknown unit ${input.unitId}`);

  const cells = new Map<string, CellFacts>();
  const cellFacts = (id: string): CellFacts => {
    let f = cells.get(id);
    if (!f) cells.set(id, (f = { monthsMet: new Map(), thematic: false, attendance: new Map(), ratings: new Map() }));
    return f;
  };
  const leaders = new Map<string, LeaderFacts>();
  const meetingCell = new Map<string, string>();

  for (const entry of input.entries) {
    const role = roleOf(input.rules.get(entry.ruleId));
    if (role === null) continue;
    for (const [meetingId, register] of entry.registers) if (register.unitId) meetingCell.set(meetingId, register.unitId);
    const held = [...entry.registers].filter(([, r]) => Object.keys(r.slots).length > 0 && r.heldAt >= bounds.start && r.heldAt < bounds.end);
    if (role === 'leader-quota') {
      if (!periodWithin(entry.period, period)) continue;
      const f = leaders.get(entry.subject.id) ?? { met: true, missing: {} };
      if (entry.saved.status !== 'met') {
        f.met = false;
        for (const [key, n] of Object.entries(entry.saved.view?.missing ?? {})) if (n > 0) f.missing[key] = (f.missing[key] ?? 0) + n;
      }
      leaders.set(entry.subject.id, f);
      continue;
    }
    if (entry.subject.type !== 'cell') continue;
    const cell = cellFacts(entry.subject.id);
    if (role === 'monthly-meeting') {
      if (periodWithin(entry.period, period)) cell.monthsMet.set(entry.period, (cell.monthsMet.get(entry.period) ?? true) && entry.saved.status === 'met');
    } else if (role === 'thematic-meeting') {
      if (held.length > 0) cell.thematic = true;
    } else if (role === 'quality') {
      // Settled on the cell's whole year (the attendance bonus reads it), then kept when held in the period.
      const rule = input.rules.get(entry.ruleId);
      for (const { meetingId, heldAt, rating } of rule?.template === 'quality-rating' ? storedRatingsOf(rule, entry, org) : []) {
        if (heldAt >= bounds.start && heldAt < bounds.end) cell.ratings.set(meetingId, meetingRating(rating));
      }
    } else {
      for (const [meetingId, register] of held) {
        const ev = Object.values(register.slots)[0];
        const present = Number(ev?.['present']);
        const eligible = Number(ev?.['eligible']);
        if (eligible > 0 && Number.isFinite(present)) cell.attendance.set(meetingId, (present * 100) / eligible);
      }
    }
  }

  // The rows: the unit and every non-cell unit below it, in tree order.
  const rowUnits = subtreeInOrder(org, root).filter(({ unit, depth }) => unit.kind !== 'cell' || depth === 0);
  const rows = new Map(rowUnits.map(({ unit, depth }) => [unit.id, blankRow(unit, depth)]));
  const attendanceSums = new Map<string, number>();
  const ratings = new Map<string, MeetingRating[]>();
  /** The rows a unit adds to: itself and its ancestors up to the report's unit. */
  const rowsOf = (unitId: string): ReportRow[] => {
    const out: ReportRow[] = [];
    for (let id: string | null | undefined = unitId; id; id = id === root.id ? null : org.unit(id)?.parentId) {
      const row = rows.get(id);
      if (row) out.push(row);
    }
    return org.isWithin(unitId, root.id) ? out : [];
  };

  const firstDay = localDateOf(bounds.start);
  const lastDay = localDateOf(bounds.end - 1);
  const monthsBegun = [...periodsStartingBetween('month' satisfies Granularity, bounds.start, Math.min(asOf, bounds.end - 1))];
  for (const unit of org.units.values()) {
    if (unit.kind !== 'cell' || !org.isWithin(unit.id, root.id)) continue;
    if (!coversDate({ from: unit.activeFrom, to: unit.activeTo }, lastDay) && !coversDate({ from: unit.activeFrom, to: unit.activeTo }, firstDay)) continue;
    const f = cells.get(unit.id);
    const activeMonths = monthsBegun.filter((m) => org.unitActiveOn(unit, localDateOf(periodBounds(m).end - 1)));
    const everyMonth = activeMonths.length > 0 && activeMonths.every((m) => f?.monthsMet.get(m) === true);
    for (const row of rowsOf(unit.id)) {
      row.cells++;
      if (everyMonth) row.cellsMeetingEveryMonth++;
      if (f?.thematic) row.cellsWithThematicMeeting++;
      row.meetings += f?.attendance.size ?? 0;
      attendanceSums.set(row.unitId, (attendanceSums.get(row.unitId) ?? 0) + [...(f?.attendance.values() ?? [])].reduce((a, b) => a + b, 0));
      if (f && f.ratings.size > 0) ratings.set(row.unitId, [...(ratings.get(row.unitId) ?? []), ...f.ratings.values()]);
    }
  }
  for (const [unitId, list] of ratings) rows.get(unitId)!.quality = qualityColumns(list);
  for (const row of rows.values()) row.meanAttendancePercent = row.meetings === 0 ? null : Math.round((attendanceSums.get(row.unitId)! / row.meetings) * 10) / 10;

  for (const [leaderId, facts] of leaders) {
    const leader = org.leaders.get(leaderId);
    if (!leader) continue;
    for (const row of leaderRows(leader, rowsOf, firstDay, lastDay)) {
      if (facts.met) row.leadersMet++;
      else row.leadersUnmet.push({ leaderId, name: leader.name, missing: facts.missing });
    }
  }

  for (const finding of input.findings) {
    if (finding.kind !== 'violation' || !periodWithin(finding.period, period)) continue;
    const { type, id } = finding.subject;
    const unitId = unitOfFinding(finding, org, meetingCell);
    const targets = type === 'leader' ? (org.leaders.get(id) ? leaderRows(org.leaders.get(id)!, rowsOf, firstDay, lastDay) : []) : unitId ? rowsOf(unitId) : [];
    const excused = isExcused({ decisions: input.decisions?.get(findingIdentity(finding)) });
    for (const row of new Set(targets)) {
      if (excused) row.excusedViolations++;
      else row.openViolations++;
    }
  }
  return { unitId: root.id, period, asOf: new Date(asOf).toISOString(), rows: [...rows.values()] };
}

/** The unit a finding is about, other than a leader: the cell or unit itself, a member's cell, a meeting's unit (as the entries place it). */
export function unitOfFinding(f: Finding, org: OrgIndex, meetingUnit: ReadonlyMap<string, string>): string | undefined {
  const { type, id } = f.subject;
  return type === 'cell' || type === 'unit' ? id : type === 'member' ? org.members.get(id)?.cellId : type === 'meeting' ? meetingUnit.get(id) : undefined;
}

/** The rows a leader counts in: those above any position they hold during the period. */
function leaderRows(leader: Leader, rowsOf: (unitId: string) => ReportRow[], firstDay: string, lastDay: string): Set<ReportRow> {
  const out = new Set<ReportRow>();
  for (const p of leader.positions) {
    if (overlapsDays(p, firstDay, lastDay)) for (const row of rowsOf(p.unitId)) out.add(row);
  }
  return out;
}

function blankRow(unit: Unit, depth: number): ReportRow {
  return {
    unitId: unit.id,
    name: unit.name,
    kind: unit.kind,
    depth,
    cells: 0,
    cellsMeetingEveryMonth: 0,
    cellsWithThematicMeeting: 0,
    meetings: 0,
    meanAttendancePercent: null,
    leadersMet: 0,
    leadersUnmet: [],
    openViolations: 0,
    excusedViolations: 0,
  };
}

/** The year whose entries a report of this period reads. */
export const reportYear = (period: PeriodId): PeriodId => periodOf(periodBounds(period).start, 'year');
