import type { MeetingEvent } from '../contract/events.ts';
import type { ContractIssue } from '../contract/issues.ts';
import type { OrgIndex } from './org-index.ts';

/** An event's references to the org: its unit, the members in its attendance, its visiting leaders. */
export function checkEventReferences(event: MeetingEvent, org: OrgIndex): ContractIssue[] {
  if (event.type !== 'MeetingRecorded') return [];
  const issues: ContractIssue[] = [];
  if (!org.units.has(event.unitId)) issues.push({ path: ['unitId'], message: `unknown unit "${event.unitId}"` });
  event.attendance.forEach((a, i) => {
    if (!org.members.has(a.memberId)) issues.push({ path: ['attendance', i, 'memberId'], message: `unknown member "${a.memberId}"` });
  });
  event.visitingLeaderIds.forEach((id, i) => {
    if (!org.leaders.has(id)) issues.push({ path: ['visitingLeaderIds', i], message: `unknown leader "${id}"` });
  });
  return issues;
}
