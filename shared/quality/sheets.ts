/**
 * The shipped score sheets, as plain data: the contract checks scores
 * against them and the `quality` pack carries them (validated there). This
 * module imports no schema at run time, so the contract can use it.
 */
import type { ScoreSheetInput } from './score-sheet.ts';

/** 90 and 75 and 65 % of eligible members present: 4, 3, 2 points; 1 below or with any unexcused absence. */
const attendanceSteps = (scale: number) => [
  { percent: 90, points: 4 * scale },
  { percent: 75, points: 3 * scale },
  { percent: 65, points: 2 * scale },
];
/** More than 50 % of those present spoke: 5; 40–50 %: 4; 30–40 %: 3; below: 2. */
const speakerSteps = (scale: number) => [
  { percent: 50, points: 5 * scale, strict: true },
  { percent: 40, points: 4 * scale },
  { percent: 30, points: 3 * scale },
];
/** The meetings whose excused absences make a streak: as HD 12's alert counts them (dieu-le/excused-absence-streak). */
const streakKinds: Array<'regular' | 'combined'> = ['regular', 'combined'];
/** RULES.md's durations: 90 minutes, 120 for a combined session. */
const duration = { measure: 'duration' as const, minutesByKind: { combined: 120 }, defaultMinutes: 90 };

export const HD42_100: ScoreSheetInput = {
  id: 'hd42-100',
  name: { vi: 'Phiếu chấm điểm 100 điểm (Hướng dẫn 42-HD/BTCTW)', en: '100-point sheet (Guidance 42-HD/BTCTW)' },
  citation: { document: { vi: 'Hướng dẫn 42-HD/BTCTW', en: 'Guidance 42-HD/BTCTW' }, issuer: 'Ban Tổ chức Trung ương', date: '2025-10-28' },
  kinds: ['regular', 'thematic', 'combined'],
  normalise: false,
  weightsPublished: true,
  criteria: [
    { id: 'duration', label: { vi: 'thời gian sinh hoạt', en: 'duration' }, max: 5, critical: true, source: 'computed', computed: duration },
    {
      id: 'attendance',
      label: { vi: 'tỷ lệ đảng viên dự họp', en: 'attendance' },
      max: 5,
      critical: true,
      source: 'computed',
      computed: { measure: 'attendance', steps: attendanceSteps(1), otherwise: 1, streakBonus: { points: 1, maxExcusedStreak: 3, kinds: streakKinds } },
    },
    { id: 'preparation', label: { vi: 'công tác chuẩn bị', en: 'preparation' }, max: 10, source: 'declared' },
    { id: 'conduct', label: { vi: 'tiến hành sinh hoạt', en: 'conduct of the meeting' }, max: 30, source: 'declared' },
    { id: 'chairing', label: { vi: 'điều hành của chủ trì', en: 'chairing' }, max: 10, source: 'declared' },
    { id: 'principles', label: { vi: 'thực hiện nguyên tắc', en: 'principles' }, max: 5, source: 'declared' },
    { id: 'results', label: { vi: 'kết quả thực hiện nghị quyết tháng trước', en: "results of last month's resolution" }, max: 30, source: 'declared' },
    { id: 'closing', label: { vi: 'kết thúc sinh hoạt', en: 'closing' }, max: 5, source: 'declared' },
  ],
};

/** Hòa Bình names the indicators, not their weights: these weights are ours (weightsPublished: false). */
export const HB_QD31: ScoreSheetInput = {
  id: 'hb-qd31',
  name: { vi: 'Tiêu chí chấm điểm sinh hoạt chi bộ (Quy định 31-QĐi/TU)', en: 'Cell meeting indicators (Regulation 31-QĐi/TU)' },
  citation: { document: { vi: 'Quy định 31-QĐi/TU', en: 'Regulation 31-QĐi/TU' }, issuer: 'Hòa Bình', date: '2018-12-14' },
  kinds: ['regular', 'combined'],
  normalise: false,
  weightsPublished: false,
  criteria: [
    {
      id: 'attendance',
      label: { vi: 'tỷ lệ đảng viên dự họp', en: 'attendance' },
      max: 30,
      critical: true,
      source: 'computed',
      computed: { measure: 'attendance', steps: attendanceSteps(6), otherwise: 6, streakBonus: { points: 6, maxExcusedStreak: 3, kinds: streakKinds } },
    },
    { id: 'absences', label: { vi: 'vắng mặt không lý do', en: 'unexcused absences' }, max: 20, source: 'computed', computed: { measure: 'no-unexcused-absence' } },
    { id: 'speakers', label: { vi: 'đảng viên phát biểu', en: 'members who spoke' }, max: 20, critical: true, source: 'computed', computed: { measure: 'speakers', steps: speakerSteps(4), otherwise: 8 } },
    { id: 'punctuality', label: { vi: 'đúng giờ', en: 'punctuality' }, max: 15, source: 'declared' },
    { id: 'notebooks', label: { vi: 'sổ sách, biên bản', en: 'notebooks and minutes' }, max: 15, critical: true, source: 'declared' },
  ],
};

export const SHIPPED_SHEETS: readonly ScoreSheetInput[] = [HD42_100, HB_QD31];
