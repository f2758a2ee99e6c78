import type { MeetingEvent } from '../contract/events.ts';
import type { ContractIssue } from '../contract/issues.ts';
import type { OrgReferences } from './org-references.ts';

/**
 * An event's references to the org: its unit, the members in its attendance,
 * its visiting leaders. The CLI and the API run this one check. A member of
 * another cell and a member the org has not get the same answer, and so do a
 * leader of another province and a leader the org has not: the answer says
 * what is wrong with the event, never what exists elsewhere.
 */
export function checkEventReferences(event: MeetingEvent, org: OrgReferences): ContractIssue[] {
  if (event.type !== 'MeetingRecorded') return [];
  const unit = org.unit(event.unitId);
  if (unit === undefined) return [{ path: ['unitId'], message: `unknown unit "${event.unitId}"` }];
  const issues: ContractIssue[] = [];
  // Listed twice is the contract's to refuse (MeetingRecorded's refinement); here only who may attend.
  event.attendance.forEach((a, i) => {
    if (!unit.attendees.has(a.memberId)) issues.push({ path: ['attendance', i, 'memberId'], message: `"${a.memberId}" is not a member of unit "${event.unitId}" or of its committee` });
  });
  const province = unit.path[0]!;
  event.visitingLeaderIds.forEach((id, i) => {
    if (!org.leaderProvinces(id)?.has(province)) issues.push({ path: ['visitingLeaderIds', i], message: `unknown leader "${id}" in province "${province}"` });
  });
  return issues;
}
