/** Small orgs and helpers shared by the per-rule unit tests (test/unit/rules). */
import type { Finding } from '../../shared/contract/findings.ts';
import type { OrgIndex } from '../../shared/org/org-index.ts';
import { buildOrg } from './builders.ts';

/** The first instant of 2026 in Vietnam: the usual `from` of the tests. */
export const FROM_2026 = '2026-01-01T00:00:00+07:00';

/** `A01`, `A02`, …: member ids with a prefix. */
export function ids(prefix: string, n: number, start = 1): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(start + i).padStart(2, '0')}`);
}

export interface MemberInput {
  id: string;
  name: string;
  cellId: string;
  joinedOn?: string;
  leftOn?: string;
  exemptions?: Array<{ from: string; to?: string; reason?: string }>;
}

/** Members of a cell, one per id, with optional extra fields per id. */
export function membersOf(cellId: string, memberIds: string[], extra: Record<string, Partial<MemberInput>> = {}): MemberInput[] {
  return memberIds.map((id) => ({ id, name: `Đảng viên ${id}`, cellId, ...extra[id] }));
}

/** An exemption (miễn sinh hoạt) for the whole of 2026. */
export const EXEMPT_2026 = { exemptions: [{ from: '2026-01-01', to: '2026-12-31', reason: 'tuổi cao, sức yếu' }] };

/**
 * One commune and its residential cell:
 *   P (province) ─ P.X (commune grassroots) ─ P.X.A (residential cell "Chi bộ thôn A")
 * with secretary S-A and deputy secretary D-A of P.X.A, and the members given.
 */
export function oneCellOrg(members: MemberInput[], cell: Record<string, unknown> = {}, extraUnits: unknown[] = [], extraLeaders: unknown[] = []): OrgIndex {
  return buildOrg({
    units: [
      { id: 'P', name: 'Đảng bộ tỉnh P', kind: 'province', parentId: null },
      { id: 'P.X', name: 'Đảng bộ xã X', kind: 'grassroots', grassrootsType: 'commune', parentId: 'P' },
      { id: 'P.X.A', name: 'Chi bộ thôn A', kind: 'cell', cellType: 'residential', parentId: 'P.X', ...cell },
      ...extraUnits,
    ],
    members,
    leaders: [
      { id: 'S-A', name: 'Bí thư chi bộ thôn A', positions: [{ unitId: 'P.X.A', role: 'secretary' }] },
      { id: 'D-A', name: 'Phó bí thư chi bộ thôn A', positions: [{ unitId: 'P.X.A', role: 'deputy_secretary' }] },
      ...extraLeaders,
    ],
  });
}

/** Recipients of P.X.A: officers always, the commune's inspection committee except for reminders. */
export const A_OFFICERS = ['D-A', 'S-A'];
export const A_WITH_UBKT = ['D-A', 'S-A', 'ubkt:P.X'];

/** A finding without its rendered text (message, citation), for exact comparison. */
export function core(f: Finding): Omit<Finding, 'message' | 'citation'> {
  const { message: _message, citation: _citation, ...rest } = f;
  return rest;
}

export function cores(findings: readonly Finding[]): Array<Omit<Finding, 'message' | 'citation'>> {
  return findings.map(core);
}

/** The single finding of a list; fails the test when there is not exactly one. */
export function single(findings: readonly Finding[]): Finding {
  if (findings.length !== 1) throw new Error(`expected exactly one finding, got ${findings.length}: ${JSON.stringify(findings.map((f) => [f.kind, f.ruleId, f.subject.id, f.period]))}`);
  return findings[0]!;
}

/** An instant `minutes` later than `iso`, written in UTC. */
export function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
