/**
 * The quality pack through the engine: ratings below khá, self and upper
 * scores far apart, regular meetings left unscored.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingEvent, MeetingRecorded } from '../../../shared/contract/events.ts';
import { RulePack } from '../../../shared/rules/rule-pack.ts';
import { BUILT_IN_PACKS } from '../../../shared/rules/packs/index.ts';
import { attendance, evaluate, only, packs } from '../../support/builders.ts';
import { A_OFFICERS, A_WITH_UBKT, FROM_2026, core, ids, membersOf, oneCellOrg, single } from '../../support/scenarios.ts';
import { meeting, retraction } from '../../support/builders.ts';
import { excusedRunYear, monthly, org as runOrg } from '../../support/excused-run-year.ts';

const MEMBERS = ids('A', 10);
const org = oneCellOrg(membersOf('P.X.A', MEMBERS));
const PACKS = packs('quality');
const HELD = '2026-03-05T19:30:00+07:00';
const ENDED = '2026-03-05T21:00:00+07:00'; // 90 minutes
const LATER = '2026-04-30T00:00:00+07:00';
const FULL = { preparation: 10, conduct: 30, chairing: 10, principles: 5, results: 30, closing: 5 };

const scored = (version: number, quality: MeetingRecorded['quality'], extra: Partial<MeetingRecorded> = {}) =>
  meeting({ meetingId: 'mt-q', version, unitId: 'P.X.A', heldAt: HELD, endedAt: ENDED, attendance: attendance(MEMBERS), speakerCount: 6, recordedAt: '2026-03-06T08:00:00+07:00', quality, ...extra });
const findingsOf = (rule: string, events: MeetingRecorded[], at = LATER) => only(evaluate(org, events, PACKS, at, FROM_2026), rule);

describe('quality/rating-below-kha', () => {
  const RULE = 'quality/rating-below-kha';

  it('trung bình: an alert with the band, the total, the criteria that lost points and the sheet citation', () => {
    const f = single(findingsOf(RULE, [scored(1, { sheet: 'hd42-100', scoredBy: 'self', scores: { ...FULL, conduct: 10, results: 15 } }, { endedAt: '2026-03-05T20:45:00+07:00' })]));
    expect(core(f)).toEqual({
      kind: 'alert',
      ruleId: RULE,
      subject: { type: 'meeting', id: 'mt-q' },
      period: '2026-03',
      dueBy: null,
      missing: { points: 6 },
      evidence: ['mt-q'],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Hướng dẫn 42-HD/BTCTW (Ban Tổ chức Trung ương, 28/10/2025)');
    expect(f.message.vi).toBe(
      'Buổi sinh hoạt ngày 05/03/2026 của Chi bộ thôn A xếp loại trung bình: 64 điểm; mất điểm ở thời gian sinh hoạt 4/5, tiến hành sinh hoạt 10/30 và kết quả thực hiện nghị quyết tháng trước 15/30 (Hướng dẫn 42-HD/BTCTW)',
    );
    expect(f.message.en).toBe(
      "The meeting of 05/03/2026 at Chi bộ thôn A rated average: 64 points; points lost on duration 4/5, conduct of the meeting 10/30 and results of last month's resolution 15/30 (Guidance 42-HD/BTCTW)",
    );
  });

  it('kém below 50; nothing at khá (70) or above', () => {
    expect(single(findingsOf(RULE, [scored(1, { sheet: 'hd42-100', scoredBy: 'self', scores: { conduct: 20 } })])).message.en).toMatch(/rated poor: 30 points/);
    expect(findingsOf(RULE, [scored(1, { sheet: 'hd42-100', scoredBy: 'self', scores: { ...FULL, results: 0 } })])).toEqual([]);
  });

  it('the hb-qd31 sheet computes attendance, absences and speakers from the record', () => {
    // 2 unexcused absences: attendance 6/30 and absences 0/20; speakers 3 of 8 present (37.5 %): 12/20.
    const record = scored(1, { sheet: 'hb-qd31', scoredBy: 'self', scores: { punctuality: 15, notebooks: 15 } }, { attendance: attendance(MEMBERS, { A01: 'absent', A02: 'absent' }), speakerCount: 3 });
    expect(single(findingsOf(RULE, [record])).message.vi).toBe(
      'Buổi sinh hoạt ngày 05/03/2026 của Chi bộ thôn A xếp loại trung bình: 54 điểm; mất điểm ở tỷ lệ đảng viên dự họp 12/30, vắng mặt không lý do 0/20 và đảng viên phát biểu 12/20 (Quy định 31-QĐi/TU)',
    );
  });

  it('a higher version with better scores withdraws the alert', () => {
    const low = scored(1, { sheet: 'hd42-100', scoredBy: 'self', scores: { conduct: 20 } });
    expect(findingsOf(RULE, [low, scored(2, { sheet: 'hd42-100', scoredBy: 'upper', scores: FULL })])).toEqual([]);
  });
});

describe('the attendance bonus reads the cell’s year', () => {
  const RULE = 'quality/rating-below-kha';
  const year = excusedRunYear();
  const flagged = (events: MeetingEvent[]) =>
    only(evaluate(runOrg, events, PACKS, '2026-06-30T00:00:00+07:00', FROM_2026), RULE).map((f) => `${f.subject.id} ${f.message.en.match(/rated \w+: [\d.]+ points/)![0]}`);

  it('a fourth excused absence in a row takes the bonus off that meeting and the rest of the year', () => {
    expect(flagged(year)).toEqual(['mt-04 rated average: 69 points', 'mt-05 rated average: 69 points']);
    expect(only(evaluate(runOrg, year, PACKS, '2026-06-30T00:00:00+07:00', FROM_2026), RULE)[0]!.message.vi).toMatch(/mất điểm ở tỷ lệ đảng viên dự họp 4\/5, kết quả/);
  });

  it('three in a row keep it; so does a run broken by a meeting attended', () => {
    expect(flagged(year.slice(0, 3))).toEqual([]);
    expect(flagged([year[0]!, year[1]!, monthly('03', false), year[3]!, monthly('05', true)])).toEqual([]);
  });

  it('the same ratings whatever order the meetings arrive in: a late earlier meeting re-rates the later ones', () => {
    expect(flagged([year[4]!, year[3]!, year[2]!, year[1]!, year[0]!])).toEqual(flagged(year));
    // April alone is a run of one: khá. Only January–March arriving later makes it the fourth.
    expect(flagged([year[3]!])).toEqual([]);
  });

  it('a retracted or corrected earlier meeting gives the bonus back', () => {
    const corrected = monthly('02', false, { version: 2, eventId: 'e-feb-fix', recordedAt: '2026-02-07T08:00:00+07:00' });
    expect(flagged([...year, corrected])).toEqual([]);
    expect(flagged([...year, retraction('mt-03', '2026-06-01T08:00:00+07:00')])).toEqual([]);
  });

  it('a thematic meeting in between neither breaks nor extends the run (HD 12 counts regular and combined meetings)', () => {
    const thematic = meeting({ meetingId: 'mt-th', eventId: 'e-th', unitId: 'P.X.A', kind: 'thematic', heldAt: '2026-03-20T19:30:00+07:00', attendance: attendance(MEMBERS), recordedAt: '2026-03-21T08:00:00+07:00' });
    expect(flagged([...year, thematic])).toEqual(flagged(year));
  });
});

describe('quality/self-upper-gap', () => {
  const RULE = 'quality/self-upper-gap';
  const upper = (conduct: number) => scored(2, { sheet: 'hd42-100', scoredBy: 'upper', scores: { ...FULL, conduct }, selfScores: FULL }, { recordedAt: '2026-03-09T08:00:00+07:00' });

  it('15 points apart: an alert with both totals and what the upper level took off', () => {
    const f = single(findingsOf(RULE, [scored(1, { sheet: 'hd42-100', scoredBy: 'self', scores: FULL }), upper(15)]));
    expect(core(f)).toMatchObject({ kind: 'alert', subject: { type: 'meeting', id: 'mt-q' }, missing: {}, recipients: A_WITH_UBKT });
    expect(f.message.vi).toBe(
      'Buổi sinh hoạt ngày 05/03/2026 của Chi bộ thôn A: chi bộ tự chấm 100 điểm, cấp trên chấm 85 điểm (khá), chênh 15 điểm; cấp trên trừ điểm ở tiến hành sinh hoạt 15/30 (Hướng dẫn 42-HD/BTCTW)',
    );
  });

  it('14 points apart: nothing; self scores alone: nothing', () => {
    expect(findingsOf(RULE, [upper(16)])).toEqual([]);
    expect(findingsOf(RULE, [scored(1, { sheet: 'hd42-100', scoredBy: 'self', scores: { conduct: 0 } })])).toEqual([]);
  });
});

describe('quality/unscored-meeting', () => {
  const RULE = 'quality/unscored-meeting';
  const unscored = meeting({ meetingId: 'mt-u', unitId: 'P.X.A', heldAt: HELD, endedAt: ENDED, attendance: attendance(MEMBERS), recordedAt: '2026-03-06T08:00:00+07:00' });
  const scoredLater = (recordedAt: string) => ({ ...scored(2, { sheet: 'hd42-100', scoredBy: 'self', scores: FULL }, { recordedAt }), meetingId: 'mt-u' });

  it('a regular meeting with no sheet 7 days on: a reminder before, a violation after the grace days', () => {
    expect(core(single(findingsOf(RULE, [unscored], '2026-03-11T08:00:00+07:00')))).toMatchObject({ kind: 'reminder', dueBy: '2026-03-12T19:30:00+07:00', recipients: A_OFFICERS });
    const f = single(findingsOf(RULE, [unscored], '2026-03-15T19:30:00+07:00'));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: RULE,
      subject: { type: 'meeting', id: 'mt-u' },
      period: '2026-03',
      dueBy: '2026-03-12T19:30:00+07:00',
      missing: { scoreSheets: 1 },
      evidence: ['mt-u'],
      recipients: A_WITH_UBKT,
    });
    expect(f.message.vi).toBe('Buổi sinh hoạt ngày 05/03/2026 của Chi bộ thôn A chưa có phiếu chấm điểm chất lượng sinh hoạt trong hạn đến 12/03/2026 (Hướng dẫn 42-HD/BTCTW)');
  });

  it('a sheet recorded at the deadline meets it; a minute later it does not', () => {
    expect(findingsOf(RULE, [unscored, scoredLater('2026-03-12T19:30:00+07:00')])).toEqual([]);
    expect(findingsOf(RULE, [unscored, scoredLater('2026-03-12T19:31:00+07:00')]).map((f) => f.kind)).toEqual(['violation']);
  });

  it('a later correction without the sheet does not undo a sheet recorded in time', () => {
    const correction = { ...unscored, eventId: 'e-fix', version: 3, recordedAt: '2026-03-20T08:00:00+07:00' };
    expect(findingsOf(RULE, [unscored, scoredLater('2026-03-08T08:00:00+07:00'), correction])).toEqual([]);
  });

  it('thematic meetings owe no sheet under this rule', () => {
    expect(findingsOf(RULE, [{ ...unscored, kind: 'thematic' }])).toEqual([]);
  });
});

describe('the quality pack', () => {
  it('ships as valid data with its three rules', () => {
    const pack = BUILT_IN_PACKS.get('quality')!;
    expect(pack.rules.map((r) => r.id)).toEqual(['quality/rating-below-kha', 'quality/self-upper-gap', 'quality/unscored-meeting']);
  });

  it('a message placeholder the template does not fill is refused', () => {
    const input = { ...BUILT_IN_PACKS.get('quality')!, rules: [{ ...BUILT_IN_PACKS.get('quality')!.rules[0]!, messages: { alert: { vi: '{gap}', en: '{gap}' } } }] };
    expect(RulePack.safeParse(input).error?.issues[0]?.path).toEqual(['rules', 0, 'messages', 'alert', 'vi']);
  });
});
