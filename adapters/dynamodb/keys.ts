/** Item keys of the one table (docs/data-model.md). Every key is built here and nowhere else. */
import type { Subject } from '../../shared/contract/findings.ts';

export const ORG_META = { pk: 'ORG', sk: 'META' } as const;
export const unitKey = (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'UNIT' });
export const memberPageKey = (cellId: string, page: number) => ({ pk: `UNIT#${cellId}`, sk: `MEMBERS#${String(page).padStart(4, '0')}` });
export const leaderKey = (leaderId: string) => ({ pk: `LEADER#${leaderId}`, sk: 'LEADER' });
export const meetingKey = (meetingId: string) => ({ pk: `MEETING#${meetingId}`, sk: 'MEETING' });
/** A ledger entry (rule, subject, period): all entries of one subject are one partition, for GET /obligations. */
export const entryItemKey = (ruleId: string, subject: Subject, period: string) => ({ pk: `SUBJECT#${subject.id}`, sk: `ENTRY#${period}#${ruleId}#${subject.type}` });
export const findingKey = (identity: string) => ({ pk: `FINDING#${identity}`, sk: 'FINDING' });
/** A decision on a finding (acknowledge, excuse): in the finding's partition, one per action. */
export const decisionKey = (identity: string, action: string) => ({ pk: `FINDING#${identity}`, sk: `DECISION#${action}` });
export const notifiedKey = (key: string) => ({ pk: `NOTIFIED#${key}`, sk: 'NOTIFIED' });
/** Marker: the periods beginning up to this instant have been opened for a province. */
export const openedKey = (provinceId: string, period: string) => ({ pk: `OPENED#${provinceId}`, sk: period });

/** GSI by-province: units, leaders, member pages and findings of a province. */
export const provincePartition = (provinceId: string) => `PROV#${provinceId}`;
/** Findings sort by unit path, so a subtree is a `begins_with` range; the trailing slash keeps YB.N apart from YB.NL. */
export const unitPathPrefix = (path: readonly string[]) => `FINDING#${path.join('/')}/`;
/** Decisions sort by unit path like findings; "DECISION#" sorts before "FINDING$", so PUT /org's sweep of the org range never meets them. */
export const decisionPathPrefix = (path: readonly string[]) => `DECISION#${path.join('/')}/`;
/** GSI open-obligations: obligations still owed, sorted by when the sweep must next look at them. */
export const openPartition = (provinceId: string) => `OPEN#${provinceId}`;
export const attentionSortKey = (attentionAt: number, pk: string, sk: string) => `${new Date(attentionAt).toISOString()}#${pk}#${sk}`;

/** Top-level attribute that holds one meeting's register in an entry item. */
export const registerAttribute = (meetingId: string) => `m:${meetingId}`;
export const followUpAttribute = (meetingId: string, field: string) => `f:${meetingId}:${field}`;
/** Top-level attribute of a meeting item: the earliest recordedAt of any of its versions that set a follow-up field. */
export const meetingFollowUpAttribute = (field: string) => `f:${field}`;
