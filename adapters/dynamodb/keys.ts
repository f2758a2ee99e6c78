/** Item keys of the one table (docs/data-model.md). Every key is built here and nowhere else. */
import type { Subject } from '../../shared/contract/findings.ts';

export const ORG_META = { pk: 'ORG', sk: 'META' } as const;
export const unitKey = (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: UNIT_SK });
export const memberPageKey = (cellId: string, page: number) => ({ pk: `UNIT#${cellId}`, sk: `MEMBERS#${String(page).padStart(4, '0')}` });
export const leaderKey = (leaderId: string) => ({ pk: `LEADER#${leaderId}`, sk: 'LEADER' });
export const meetingKey = (meetingId: string) => ({ pk: `MEETING#${meetingId}`, sk: 'MEETING' });
/** The meeting id of a meeting item's `pk`. */
export const meetingIdOf = (pk: string) => pk.slice('MEETING#'.length);
/** Sort keys of a unit's partition: its item and its member pages. */
export const UNIT_SK = 'UNIT';
export const isMemberPage = (sk: string) => sk.startsWith('MEMBERS#');
/** A ledger entry (rule, subject, period): all entries of one subject are one partition, for GET /obligations. */
export const entryItemKey = (ruleId: string, subject: Subject, period: string) => ({ pk: subjectPartition(subject.id), sk: `${entryPeriodPrefix(period)}${ruleId}#${subject.type}` });
export const subjectPartition = (subjectId: string) => `SUBJECT#${subjectId}`;
/** The entries of a subject in one period, or in all (no period): a `begins_with` range of its partition. */
export const entryPeriodPrefix = (period?: string) => `ENTRY#${period === undefined ? '' : `${period}#`}`;
export const findingKey = (identity: string) => ({ pk: `FINDING#${identity}`, sk: 'FINDING' });
/** The finding identity of a finding item's `pk`. */
export const findingIdentityOf = (pk: string) => pk.slice('FINDING#'.length);
/** A decision on a finding (acknowledge, excuse): in the finding's partition, one per action. */
export const decisionKey = (identity: string, action: string) => ({ pk: `FINDING#${identity}`, sk: `DECISION#${action}` });
export const notifiedKey = (key: string) => ({ pk: `NOTIFIED#${key}`, sk: 'NOTIFIED' });
/** Marker: the periods beginning up to this instant have been opened for a province. */
export const openedKey = (provinceId: string, period: string) => ({ pk: `OPENED#${provinceId}`, sk: period });

/** GSI by-province: units, leaders, member pages and findings of a province. */
export const provincePartition = (provinceId: string) => `PROV#${provinceId}`;
/** The org items' sort keys in by-province, and which kind of org item a sort key is. */
export const orgSortKey = {
  unit: (unitId: string) => `UNIT#${unitId}`,
  memberPage: (cellId: string, page: number) => `MEMBERS#${cellId}#${page}`,
  leader: (leaderId: string) => `LEADER#${leaderId}`,
};
/** The by-province range of one kind of org item: a `begins_with` on its sort keys. */
export const orgSortPrefix = { unit: 'UNIT#', leader: 'LEADER#' } as const;
export const orgItemKind = (gsi2sk: string): 'unit' | 'memberPage' | 'leader' | null =>
  gsi2sk.startsWith('UNIT#') ? 'unit' : gsi2sk.startsWith('MEMBERS#') ? 'memberPage' : gsi2sk.startsWith('LEADER#') ? 'leader' : null;
/** Entries of a subject's year: its months, quarters and the year itself (`ENTRY#2026…`). */
export const entryYearPrefix = (year: number | string) => `ENTRY#${year}`;
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

// Contacts and deliveries sit in by-province under "CONTACT#" and "DELIVERY#": both sort before "FINDING$", outside the org range PUT /org rewrites.
/** A recipient's contact (personal data): one item, listed by its managing province. */
export const contactKey = (recipient: string) => ({ pk: `CONTACT#${recipient}`, sk: 'CONTACT' });
export const contactSortKey = (recipient: string) => `CONTACT#${recipient}`;
/** A recipient's delivery log: one partition, its sends and the notices held for its digest. */
export const deliveryPartition = (recipient: string) => `DELIVERY#${recipient}`;
export const SEND_PREFIX = 'SEND#';
export const HELD_PREFIX = 'HELD#';
/** A send: the channel ("none" when no channel was tried), then the notice or the digest's day. */
export const sendSortKey = (channel: string, what: string) => `${SEND_PREFIX}${channel}#${what}`;
export const heldSortKey = (findingIdentity: string) => `${HELD_PREFIX}${findingIdentity}`;
/** In by-province: a province's deliveries, by recipient. */
export const deliverySortKey = (recipient: string, sk?: string) => `DELIVERY#${recipient}|${sk ?? ''}`;
export const DELIVERY_RANGE = 'DELIVERY#';
