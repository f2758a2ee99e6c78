/**
 * dieu-le/monthly-regular-meeting and dieu-le/quarterly-thematic-meeting
 * (counted-meetings template, cell subject): periods in Asia/Ho_Chi_Minh,
 * the grace days, the reminder window, late records and unit activity.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingRecorded } from '../../../shared/contract/events.ts';
import { evaluate, meeting, only, packs } from '../../support/builders.ts';
import { A_OFFICERS, A_WITH_UBKT, FROM_2026, core, ids, membersOf, oneCellOrg, single } from '../../support/scenarios.ts';

const MONTHLY = 'dieu-le/monthly-regular-meeting';
const THEMATIC = 'dieu-le/quarterly-thematic-meeting';
const CHARTER_24 = 'Điều lệ Đảng, Điều 24 (19/1/2011)';

const org = oneCellOrg(membersOf('P.X.A', ids('A', 3)));
const regular = (heldAt: string, extra: Partial<MeetingRecorded> = {}) => meeting({ unitId: 'P.X.A', heldAt, kind: 'regular', attendance: [], ...extra });

describe('dieu-le/monthly-regular-meeting: the month a meeting belongs to', () => {
  it('a meeting at 23:30 +07:00 on 31 March counts for March, not April', () => {
    const m = regular('2026-03-31T23:30:00+07:00');
    const found = only(evaluate(org, [m], packs(), '2026-05-04T00:00:00+07:00', '2026-03-01T00:00:00+07:00'), MONTHLY);
    expect(found.map(core)).toEqual([
      {
        kind: 'violation',
        ruleId: MONTHLY,
        subject: { type: 'cell', id: 'P.X.A' },
        period: '2026-04',
        dueBy: '2026-04-30T23:59:59+07:00',
        missing: { regularMeetings: 1 },
        evidence: [],
        recipients: A_WITH_UBKT,
      },
    ]);
    expect(found[0]!.citation).toBe(CHARTER_24);
    expect(found[0]!.message.vi).toBe('Chi bộ thôn A chưa sinh hoạt thường kỳ tháng 04/2026 (Điều lệ Đảng, Điều 24)');
    expect(found[0]!.message.en).toBe('Chi bộ thôn A held no regular meeting in 04/2026 (Party Charter, Art. 24)');
  });

  it('a meeting at 17:30Z on 31 March (00:30 on 1 April in Vietnam) counts for April, not March', () => {
    const m = regular('2026-03-31T17:30:00Z');
    const found = only(evaluate(org, [m], packs(), '2026-05-04T00:00:00+07:00', '2026-03-01T00:00:00+07:00'), MONTHLY);
    expect(found.map((f) => [f.kind, f.subject.id, f.period, f.missing])).toEqual([['violation', 'P.X.A', '2026-03', { regularMeetings: 1 }]]);
  });

  it('a combined meeting counts as the regular meeting; thematic, extraordinary and chi ủy meetings do not', () => {
    const at = '2026-04-04T00:00:00+07:00';
    const from = '2026-03-01T00:00:00+07:00';
    expect(only(evaluate(org, [regular('2026-03-10T19:30:00+07:00', { kind: 'combined' })], packs(), at, from), MONTHLY)).toEqual([]);
    for (const kind of ['thematic', 'extraordinary', 'cell_committee'] as const) {
      const found = only(evaluate(org, [regular('2026-03-10T19:30:00+07:00', { kind })], packs(), at, from), MONTHLY);
      expect(found.map((f) => `${f.kind} ${f.period}`), kind).toEqual(['violation 2026-03']);
    }
  });

  it('a regular meeting of another cell does not count for this one', () => {
    const twoCells = oneCellOrg(membersOf('P.X.A', ids('A', 3)), {}, [
      { id: 'P.X.B', name: 'Chi bộ thôn B', kind: 'cell', cellType: 'residential', parentId: 'P.X' },
    ]);
    const m = meeting({ unitId: 'P.X.B', heldAt: '2026-03-10T19:30:00+07:00', kind: 'regular', attendance: [] });
    const found = only(evaluate(twoCells, [m], packs(), '2026-04-04T00:00:00+07:00', '2026-03-01T00:00:00+07:00'), MONTHLY);
    expect(found.map((f) => `${f.kind} ${f.subject.id} ${f.period}`)).toEqual(['violation P.X.A 2026-03']);
  });
});

describe('dieu-le/monthly-regular-meeting: grace days and the violation', () => {
  const from = '2026-03-01T00:00:00+07:00';

  it('is a violation at exactly the end of the month plus 3 days (written in any offset)', () => {
    for (const at of ['2026-04-04T00:00:00+07:00', '2026-04-03T17:00:00Z']) {
      const f = single(only(evaluate(org, [], packs(), at, from), MONTHLY));
      expect(core(f)).toEqual({
        kind: 'violation',
        ruleId: MONTHLY,
        subject: { type: 'cell', id: 'P.X.A' },
        period: '2026-03',
        dueBy: '2026-03-31T23:59:59+07:00',
        missing: { regularMeetings: 1 },
        evidence: [],
        recipients: A_WITH_UBKT,
      });
    }
  });

  it('is nothing one minute before end + 3 days, nor at the end itself: neither violation nor reminder in the grace window', () => {
    for (const at of ['2026-04-03T23:59:00+07:00', '2026-04-02T12:00:00+07:00', '2026-04-01T00:00:00+07:00']) {
      expect(only(evaluate(org, [], packs(), at, from), MONTHLY).filter((f) => f.period === '2026-03'), at).toEqual([]);
    }
    // one second before the end the month is still open: a reminder
    expect(only(evaluate(org, [], packs(), '2026-03-31T23:59:59+07:00', from), MONTHLY).map((f) => `${f.kind} ${f.period}`)).toEqual(['reminder 2026-03']);
  });

  it('counts a meeting held in the month even though the violation instant is long after', () => {
    const m = regular('2026-03-02T08:00:00+07:00');
    expect(only(evaluate(org, [m], packs(), '2026-06-01T00:00:00+07:00', from), MONTHLY).filter((f) => f.period === '2026-03')).toEqual([]);
  });
});

describe('dieu-le/monthly-regular-meeting: the reminder window (10 days before the end)', () => {
  const from = '2026-03-01T00:00:00+07:00';

  it('reminds the cell officers only, from the window’s first instant', () => {
    const f = single(only(evaluate(org, [], packs(), '2026-03-22T00:00:00+07:00', from), MONTHLY));
    expect(core(f)).toEqual({
      kind: 'reminder',
      ruleId: MONTHLY,
      subject: { type: 'cell', id: 'P.X.A' },
      period: '2026-03',
      dueBy: '2026-03-31T23:59:59+07:00',
      missing: { regularMeetings: 1 },
      evidence: [],
      recipients: A_OFFICERS,
    });
    expect(f.recipients.some((r) => r.startsWith('ubkt:'))).toBe(false);
    expect(f.message.vi).toBe('Chi bộ thôn A chưa sinh hoạt thường kỳ tháng 03/2026; hạn cuối 31/03/2026 (Điều lệ Đảng, Điều 24)');
    expect(f.citation).toBe(CHARTER_24);
  });

  it('does not remind one minute before the window opens', () => {
    expect(only(evaluate(org, [], packs(), '2026-03-21T23:59:00+07:00', from), MONTHLY)).toEqual([]);
  });

  it('does not remind a cell that has already met this month', () => {
    const m = regular('2026-03-05T19:30:00+07:00');
    expect(only(evaluate(org, [m], packs(), '2026-03-25T00:00:00+07:00', from), MONTHLY)).toEqual([]);
  });
});

describe('dieu-le/monthly-regular-meeting: a late record', () => {
  const from = '2026-03-01T00:00:00+07:00';

  it('a meeting recorded after end + grace: the violation stands before its recordedAt, and is withdrawn from it on', () => {
    const late = regular('2026-03-10T19:30:00+07:00', { recordedAt: '2026-04-10T08:00:00+07:00' });
    const before = only(evaluate(org, [late], packs(), '2026-04-10T07:59:00+07:00', from), MONTHLY).filter((f) => f.period === '2026-03');
    expect(before.map((f) => [f.kind, f.period, f.evidence])).toEqual([['violation', '2026-03', []]]);
    expect(only(evaluate(org, [late], packs(), '2026-04-10T08:00:00+07:00', from), MONTHLY).filter((f) => f.period === '2026-03')).toEqual([]);
    expect(only(evaluate(org, [late], packs(), '2026-12-31T00:00:00+07:00', from), MONTHLY).filter((f) => f.period === '2026-03')).toEqual([]);
  });

  it('a meeting recorded late inside the month: the reminder stands before its recordedAt, and goes from it on', () => {
    const late = regular('2026-03-10T19:30:00+07:00', { recordedAt: '2026-03-25T08:00:00+07:00' });
    expect(only(evaluate(org, [late], packs(), '2026-03-25T07:59:00+07:00', from), MONTHLY).map((f) => `${f.kind} ${f.period}`)).toEqual(['reminder 2026-03']);
    expect(only(evaluate(org, [late], packs(), '2026-03-25T08:00:00+07:00', from), MONTHLY)).toEqual([]);
  });
});

describe('dieu-le/monthly-regular-meeting: units active for part of the time', () => {
  const lateCell = { id: 'P.X.N', name: 'Chi bộ thôn mới', kind: 'cell', cellType: 'residential', parentId: 'P.X', activeFrom: '2026-02-15' };
  const closedCell = { id: 'P.X.C', name: 'Chi bộ thôn cũ', kind: 'cell', cellType: 'residential', parentId: 'P.X', activeTo: '2026-02-28' };
  const orgWith = oneCellOrg(membersOf('P.X.A', ids('A', 3)), {}, [lateCell, closedCell]);

  it('a cell active from mid-February owes nothing for February (nor January) but owes March', () => {
    const found = only(evaluate(orgWith, [], packs(), '2026-04-04T00:00:00+07:00', FROM_2026), MONTHLY);
    expect(found.filter((f) => f.subject.id === 'P.X.N').map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2026-03']);
    // the cell active all along owes every month: the evaluation did cover January and February
    expect(found.filter((f) => f.subject.id === 'P.X.A').map((f) => f.period)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('a cell closed on 28 February owes February but not March', () => {
    const found = only(evaluate(orgWith, [], packs(), '2026-04-04T00:00:00+07:00', FROM_2026), MONTHLY);
    expect(found.filter((f) => f.subject.id === 'P.X.C').map((f) => f.period)).toEqual(['2026-01', '2026-02']);
  });

  it('a cell active from mid-February owes no thematic meeting for Q1, but owes Q2', () => {
    const q1 = only(evaluate(orgWith, [], packs(), '2026-04-04T00:00:00+07:00', FROM_2026), THEMATIC);
    expect(q1.map((f) => f.subject.id).sort()).toEqual(['P.X.A', 'P.X.C']);
    const q2 = only(evaluate(orgWith, [], packs(), '2026-07-04T00:00:00+07:00', '2026-04-01T00:00:00+07:00'), THEMATIC);
    expect(q2.map((f) => `${f.subject.id} ${f.period}`).sort()).toEqual(['P.X.A 2026-Q2', 'P.X.N 2026-Q2']);
  });
});

describe('dieu-le/quarterly-thematic-meeting', () => {
  const at = '2026-04-04T00:00:00+07:00';

  it('a quarter with only regular meetings is a violation, with the HD 12 citation', () => {
    const events = ['2026-01-10', '2026-02-10', '2026-03-10'].map((d) => regular(`${d}T19:30:00+07:00`));
    const f = single(only(evaluate(org, events, packs(), at, FROM_2026), THEMATIC));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: THEMATIC,
      subject: { type: 'cell', id: 'P.X.A' },
      period: '2026-Q1',
      dueBy: '2026-03-31T23:59:59+07:00',
      missing: { thematicMeetings: 1 },
      evidence: [],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Hướng dẫn 12-HD/BTCTW (Ban Tổ chức Trung ương, 6/7/2018)');
    expect(f.message.vi).toBe('Chi bộ thôn A chưa sinh hoạt chuyên đề quý I/2026 (Hướng dẫn 12-HD/BTCTW)');
  });

  it('a thematic meeting meets the quarter but never replaces the regular meeting of its month', () => {
    const events = [regular('2026-01-10T19:30:00+07:00'), regular('2026-02-10T19:30:00+07:00'), regular('2026-03-10T19:30:00+07:00', { kind: 'thematic' })];
    const found = evaluate(org, events, packs(), at, FROM_2026);
    expect(only(found, THEMATIC)).toEqual([]);
    expect(only(found, MONTHLY).map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2026-03']);
  });

  it('a combined meeting meets both the month and the quarter', () => {
    const events = [regular('2026-01-10T19:30:00+07:00'), regular('2026-02-10T19:30:00+07:00'), regular('2026-03-10T19:30:00+07:00', { kind: 'combined' })];
    const found = evaluate(org, events, packs(), at, FROM_2026);
    expect(only(found, THEMATIC)).toEqual([]);
    expect(only(found, MONTHLY)).toEqual([]);
  });

  it('a thematic meeting at 17:30Z on 31 March belongs to Q2', () => {
    const events = [regular('2026-03-31T17:30:00Z', { kind: 'thematic' })];
    const found = only(evaluate(org, events, packs(), '2026-07-04T00:00:00+07:00', FROM_2026), THEMATIC);
    expect(found.map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2026-Q1']);
  });

  it('reminds from 30 days before the quarter ends, not a minute earlier', () => {
    const reminder = single(only(evaluate(org, [], packs(), '2026-03-02T00:00:00+07:00', FROM_2026), THEMATIC));
    expect(core(reminder)).toEqual({
      kind: 'reminder',
      ruleId: THEMATIC,
      subject: { type: 'cell', id: 'P.X.A' },
      period: '2026-Q1',
      dueBy: '2026-03-31T23:59:59+07:00',
      missing: { thematicMeetings: 1 },
      evidence: [],
      recipients: A_OFFICERS,
    });
    expect(only(evaluate(org, [], packs(), '2026-03-01T23:59:00+07:00', FROM_2026), THEMATIC)).toEqual([]);
  });

  it('is a violation at end + 3 days, nothing one minute before', () => {
    expect(only(evaluate(org, [], packs(), '2026-04-03T23:59:00+07:00', FROM_2026), THEMATIC)).toEqual([]);
    expect(only(evaluate(org, [], packs(), '2026-04-04T00:00:00+07:00', FROM_2026), THEMATIC).map((f) => `${f.kind} ${f.period}`)).toEqual(['violation 2026-Q1']);
  });
});
