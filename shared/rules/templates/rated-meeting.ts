/**
 * What the quality templates share. A rating reads the record and the
 * cell's year (the attendance bonus, excused-streaks.ts), so each quality
 * rule keeps one entry per cell and year: slot `attended` for every meeting
 * whose excused absences can make a run, slot `scored` with what a scored
 * meeting's rating is made of. Ratings are settled when findings are asked
 * for, from the whole entry: a late earlier meeting re-rates the later ones,
 * in any arrival order.
 */
import type { MeetingKind, MeetingQuality } from '../../contract/events.ts';
import type { Finding } from '../../contract/findings.ts';
import type { EvaluationContext, FindingDraft } from '../../engine/evaluation-context.ts';
import type { MeetingFacts } from '../../engine/meeting-facts.ts';
import type { Evidence, LedgerEntry, Mark } from '../../ledger/ledger.ts';
import type { OrgIndex } from '../../org/org-index.ts';
import type { StoredEntry } from '../../ports/ledger-store.ts';
import { BAND_LABEL } from '../../quality/band.ts';
import type { RecordFacts } from '../../quality/computed-criteria.ts';
import { longestStreaksSoFar, type AttendedMeeting } from '../../quality/excused-streaks.ts';
import { rate, type Rating } from '../../quality/rating.ts';
import { recordFacts } from '../../quality/record-facts.ts';
import type { ScoreSheet } from '../../quality/score-sheet.ts';
import { byHeldAt } from '../excused-runs.ts';
import { joinList, type MessageValue } from '../messages.ts';
import type { Bilingual } from '../rule-schema.ts';

export const ATTENDED = 'attended';
/** Not `rated`: entries of an earlier layout (per cell and month) kept ratings there in another shape. */
export const SCORED = 'scored';

/** The meeting kinds whose excused absences the rule's sheets count in a run. */
function streakKinds(sheets: readonly ScoreSheet[]): Set<MeetingKind> {
  const kinds = new Set<MeetingKind>();
  for (const s of sheets) for (const c of s.criteria) if (c.source === 'computed' && c.computed.measure === 'attendance') for (const k of c.computed.streakBonus?.kinds ?? []) kinds.add(k);
  return kinds;
}

/** Scores as evidence: `id:points`. */
const scoreList = (scores: Readonly<Record<string, number>>): string[] => Object.entries(scores).map(([id, p]) => `${id}:${p}`);
const scoresOf = (list: unknown): Record<string, number> =>
  Object.fromEntries(((list as readonly string[] | undefined) ?? []).map((s) => [s.slice(0, s.lastIndexOf(':')), Number(s.slice(s.lastIndexOf(':') + 1))]));

/**
 * A quality rule's marks for a cell meeting: its excused absences when they can
 * make a run, and what its rating is made of when it is scored on one of the
 * sheets and `keep` wants it (the gap rule keeps only meetings with both scores).
 */
export function qualityMarks(ruleId: string, sheets: readonly ScoreSheet[], meeting: MeetingFacts, org: OrgIndex, keep: (q: MeetingQuality) => boolean, out: Mark[]): void {
  if (meeting.unit.kind !== 'cell') return;
  const at = { ruleId, subject: { type: 'cell', id: meeting.unit.id }, period: meeting.periods.year, meetingId: meeting.meetingId } as const;
  if (streakKinds(sheets).has(meeting.kind)) {
    const excused: string[] = [];
    for (const [memberId, status] of meeting.attendance) if (status === 'excused') excused.push(memberId);
    out.push({ ...at, slot: ATTENDED, evidence: { heldAt: meeting.heldAt, kind: meeting.kind, excused: excused.sort() } });
  }
  const quality = meeting.record.quality;
  const sheet = quality && sheets.find((s) => s.id === quality.sheet);
  if (!quality || !sheet || !sheet.kinds.includes(meeting.kind) || !keep(quality)) return;
  const facts = recordFacts(meeting);
  out.push({
    ...at,
    slot: SCORED,
    evidence: {
      heldAt: meeting.heldAt,
      month: meeting.periods.month,
      sheet: sheet.id,
      kind: facts.kind,
      eligible: facts.eligible,
      present: facts.present,
      unexcused: facts.unexcused,
      ...(facts.minutes === undefined ? {} : { minutes: facts.minutes }),
      ...(facts.speakerCount === undefined ? {} : { speakerCount: facts.speakerCount }),
      scores: scoreList(quality.scores),
      ...(quality.selfScores === undefined ? {} : { selfScores: scoreList(quality.selfScores) }),
    },
  });
}

export interface SettledRating {
  meetingId: string;
  heldAt: number;
  /** The meeting's month: the period of its findings. */
  month: string;
  sheet: ScoreSheet;
  /** On the record's scores (the upper level's when it scored). */
  rating: Rating;
  /** On the cell's own scores beside the upper level's, when the record has both. */
  selfRating: Rating | null;
}

/** The ratings of a cell's year, each with the runs of excused absences up to its meeting; in time order. */
function settledRatings(
  sheets: readonly ScoreSheet[],
  cellId: string,
  attended: ReadonlyMap<string, Evidence>,
  rated: ReadonlyMap<string, Evidence>,
  org: OrgIndex,
): SettledRating[] {
  const counted: AttendedMeeting[] = [...attended].map(([meetingId, ev]) => ({ meetingId, heldAt: ev.heldAt, kind: ev['kind'] as MeetingKind, excused: ev['excused'] as readonly string[] }));
  const probes = [...rated].filter(([id]) => !attended.has(id)).map(([meetingId, ev]) => ({ meetingId, heldAt: ev.heldAt }));
  const runsByKinds = new Map<string, Map<string, number>>();
  const out: SettledRating[] = [];
  for (const [meetingId, ev] of rated) {
    const sheet = sheets.find((s) => s.id === ev['sheet']);
    if (!sheet) continue;
    const kinds = [...streakKinds([sheet])].sort();
    let runs = runsByKinds.get(kinds.join());
    if (!runs) runsByKinds.set(kinds.join(), (runs = longestStreaksSoFar(cellId, counted, kinds, org, probes)));
    const facts: RecordFacts = {
      kind: ev['kind'] as MeetingKind,
      eligible: ev['eligible'] as number,
      present: ev['present'] as number,
      unexcused: ev['unexcused'] as number,
      minutes: ev['minutes'] as number | undefined,
      speakerCount: ev['speakerCount'] as number | undefined,
    };
    const measures = { ...facts, longestExcusedStreak: runs.get(meetingId) ?? 0 };
    out.push({
      meetingId,
      heldAt: ev.heldAt,
      month: ev['month'] as string,
      sheet,
      rating: rate(sheet, measures, scoresOf(ev['scores'])),
      selfRating: ev['selfScores'] === undefined ? null : rate(sheet, measures, scoresOf(ev['selfScores'])),
    });
  }
  return out.sort(byHeldAt);
}

/** The settled ratings of one of a quality rule's cell-year entries (none from an entry of another layout). */
export function ratingsOf(rule: { sheets: readonly ScoreSheet[] }, entry: LedgerEntry, org: OrgIndex): SettledRating[] {
  if (entry.subject.type !== 'cell') return [];
  return settledRatings(rule.sheets, entry.subject.id, entry.slots.get(ATTENDED) ?? new Map(), entry.slots.get(SCORED) ?? new Map(), org);
}

/** The same from a stored entry's registers (the period report). */
export function storedRatingsOf(rule: { sheets: readonly ScoreSheet[] }, entry: StoredEntry, org: OrgIndex): SettledRating[] {
  if (entry.subject.type !== 'cell') return [];
  const attended = new Map<string, Evidence>();
  const scored = new Map<string, Evidence>();
  for (const [meetingId, register] of entry.registers) {
    if (register.slots[ATTENDED]) attended.set(meetingId, register.slots[ATTENDED]);
    if (register.slots[SCORED]) scored.set(meetingId, register.slots[SCORED]);
  }
  return settledRatings(rule.sheets, entry.subject.id, attended, scored, org);
}

/**
 * A quality rule's alerts: for each rating settled in the cell-years in scope, of a meeting held since `from`,
 * the alert `alertOf` drafts about that meeting (null: none), cited to the meeting's sheet.
 */
export function meetingAlerts(
  rule: { id: string; sheets: readonly ScoreSheet[]; messages: { alert: Bilingual } },
  ctx: EvaluationContext,
  alertOf: (rated: SettledRating) => Pick<FindingDraft, 'missing' | 'values'> | null,
  out: Finding[],
): void {
  for (const entry of ctx.ledger.entries(rule.id)) {
    if (!ctx.inScope(rule.id, entry.subject, entry.period)) continue;
    for (const rated of ratingsOf(rule, entry, ctx.org)) {
      const alert = rated.heldAt < ctx.from ? null : alertOf(rated);
      if (!alert) continue;
      out.push(
        ctx.finding({
          rule: { id: rule.id, citation: rated.sheet.citation },
          kind: 'alert',
          subject: { type: 'meeting', id: rated.meetingId },
          period: rated.month,
          dueBy: null,
          evidence: [rated.meetingId],
          recipients: ctx.cellRecipients(entry.subject.id, 'alert'),
          message: rule.messages.alert,
          ...alert,
        }),
      );
    }
  }
}

/** 95.7 points: "95,7" in Vietnamese. */
export function points(n: number): MessageValue {
  return { vi: String(n).replace('.', ','), en: String(n) };
}

/** `{band}`, `{total}`, `{lost}` and `{sheet}` of a finding. */
export function ratingValues(sheet: ScoreSheet, rating: Rating): Record<string, MessageValue> {
  const lost = rating.lost.map(({ id, points, max }) => {
    const label = sheet.criteria.find((c) => c.id === id)?.label ?? { vi: id, en: id };
    return { vi: `${label.vi} ${points}/${max}`, en: `${label.en} ${points}/${max}` };
  });
  return {
    band: BAND_LABEL[rating.band],
    total: points(rating.total),
    lost: lost.length > 0 ? joinList(lost) : { vi: 'không', en: 'none' },
    sheet: sheet.name,
  };
}
