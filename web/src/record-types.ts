/**
 * What the record form reads and sends. The routes' answers are the contract's,
 * imported as types only (erased: the page bundles no zod and no engine):
 * GET /cells, GET /units/{id}/members, POST /events/preview and GET /quality-sheets.
 */
import type { AttendanceStatus, MeetingKind, MeetingRecorded, MeetingRetracted } from '../../shared/contract/events.ts';

export type { AttendanceStatus, MeetingKind, MeetingRecorded, MeetingRetracted };
export type RecordEvent = MeetingRecorded | MeetingRetracted;

/** The routes' shapes (shared/contract/recording.ts), under the names the form uses. */
export type { CellChoice, MeetingPreview as RecordPreview, SheetView as QualitySheet, UnitRoster as UnitMembers } from '../../shared/contract/recording.ts';

export const KINDS: MeetingKind[] = ['regular', 'thematic', 'combined', 'extraordinary', 'cell_committee', 'committee'];
