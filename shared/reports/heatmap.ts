/**
 * The dashboard's compliance heatmap: every unit of a subtree (rows, in tree
 * order) × the months of a period. A cell's month is a violation when a
 * violation of that month is placed at it (the cell's, a member's or a
 * meeting's) and not excused; excused when its violations are all excused;
 * a reminder; met when every monthly meeting obligation of the month is met;
 * open otherwise. A unit's month is the worst among its cells, with the counts.
 * Quarterly and yearly findings, alerts and leaders' quotas are not months:
 * the drill-down, the inbox and the quotas view show them.
 */
import { localDateOf, periodBounds, periodsStartingBetween } from '../calendar/period.ts';
import type { HeatCounts, Heatmap, HeatmapRow, HeatStatus } from '../contract/dashboard.ts';
import { isExcused, type Decision } from '../contract/decisions.ts';
import { findingIdentity, type PeriodId } from '../contract/findings.ts';
import { overlapsDays } from '../org/org-index.ts';
import { roleOf, unitOfFinding, type PeriodReportInput } from './period-report.ts';
import { subtreeInOrder } from './unit-tree.ts';

/** The period report's input (entries of the subtree's cells suffice), with the decisions that mark excused violations. */
export type HeatmapInput = PeriodReportInput & { decisions: ReadonlyMap<string, readonly Decision[]> };

/** Worst first: a unit's month takes the first status any of its cells has. */
export const SEVERITY: readonly HeatStatus[] = ['violation', 'reminder', 'open', 'excused', 'met', 'future', 'inactive'];

export function heatmap(input: HeatmapInput): Heatmap {
  const { org, asOf } = input;
  const root = org.unit(input.unitId);
  if (!root) throw new Error(`unknown unit ${input.unitId}`);
  const bounds = periodBounds(input.period);
  const months = [...periodsStartingBetween('month', bounds.start, bounds.end - 1)];
  const monthSet = new Set(months);

  // Which monthly meeting obligations each cell has per month, and whether all are met.
  const met = new Map<string, boolean>();
  const meetingCell = new Map<string, string>();
  for (const entry of input.entries) {
    for (const [meetingId, register] of entry.registers) meetingCell.set(meetingId, register.unitId);
    if (entry.subject.type !== 'cell' || !monthSet.has(entry.period) || roleOf(input.rules.get(entry.ruleId)) !== 'monthly-meeting') continue;
    const key = `${entry.subject.id}|${entry.period}`;
    met.set(key, (met.get(key) ?? true) && entry.saved.status === 'met');
  }

  // What was raised per cell and month.
  const raised = new Map<string, Set<'violation' | 'excused' | 'reminder'>>();
  for (const f of input.findings) {
    if (f.kind === 'alert' || !monthSet.has(f.period)) continue;
    const cellId = unitOfFinding(f, org, meetingCell);
    if (cellId === undefined || org.unit(cellId)?.kind !== 'cell') continue;
    const key = `${cellId}|${f.period}`;
    const set = raised.get(key) ?? new Set();
    set.add(f.kind === 'reminder' ? 'reminder' : isExcused({ decisions: input.decisions.get(findingIdentity(f)) }) ? 'excused' : 'violation');
    raised.set(key, set);
  }

  const cellStatus = (cellId: string, month: PeriodId): HeatStatus => {
    const unit = org.unit(cellId)!;
    const m = periodBounds(month);
    if (m.start > asOf) return 'future';
    if (!org.unitActiveOn(unit, localDateOf(m.end - 1)) && !org.unitActiveOn(unit, localDateOf(m.start))) return 'inactive';
    const found = raised.get(`${cellId}|${month}`);
    for (const s of ['violation', 'reminder', 'excused'] as const) if (found?.has(s)) return s;
    return met.get(`${cellId}|${month}`) === true ? 'met' : 'open';
  };

  const ordered = subtreeInOrder(org, root);
  const rows = new Map<string, HeatmapRow>(
    ordered.map(({ unit, depth }) => [unit.id, { unitId: unit.id, name: unit.name, kind: unit.kind, parentId: depth === 0 ? null : unit.parentId, depth, months: {} }]),
  );
  const counts = new Map<string, HeatCounts>();
  for (const { unit } of ordered) {
    if (unit.kind !== 'cell') continue;
    for (const month of months) {
      const status = cellStatus(unit.id, month);
      // The cell and each ancestor up to the heatmap's root count it.
      for (let id: string | null = unit.id; id !== null; id = id === root.id ? null : (org.unit(id)?.parentId ?? null)) {
        const key = `${id}|${month}`;
        const c = counts.get(key) ?? {};
        c[status] = (c[status] ?? 0) + 1;
        counts.set(key, c);
      }
    }
  }
  for (const row of rows.values()) {
    for (const month of months) {
      const c = counts.get(`${row.unitId}|${month}`) ?? {};
      row.months[month] = { status: SEVERITY.find((s) => (c[s] ?? 0) > 0) ?? (periodBounds(month).start > asOf ? 'future' : 'inactive'), counts: c };
    }
  }

  const firstDay = localDateOf(bounds.start);
  const lastDay = localDateOf(bounds.end - 1);
  const leaders = [...org.leaders.values()]
    .filter((l) => l.positions.some((p) => org.isWithin(p.unitId, root.id) && overlapsDays(p, firstDay, lastDay)))
    .map((l) => ({ id: l.id, name: l.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { unitId: root.id, period: input.period, asOf: new Date(asOf).toISOString(), months, rows: [...rows.values()], leaders };
}
