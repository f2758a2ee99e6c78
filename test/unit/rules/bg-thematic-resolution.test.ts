/**
 * bg-thematic-resolution/resolution-issued (follow-up template): a thematic or
 * combined meeting owes a resolution within 7 days of heldAt; met when a
 * version of the meeting recorded by the deadline says resolutionIssued.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingRecorded } from '../../../shared/contract/events.ts';
import { evaluate, meeting, only, packs, retraction } from '../../support/builders.ts';
import { A_OFFICERS, A_WITH_UBKT, FROM_2026, core, ids, membersOf, oneCellOrg, single } from '../../support/scenarios.ts';

const RULE = 'bg-thematic-resolution/resolution-issued';
const HELD = '2026-03-05T19:30:00+07:00';
const DUE = '2026-03-12T19:30:00+07:00';
const org = oneCellOrg(membersOf('P.X.A', ids('A', 3)));
const PACKS = packs('bg-thematic-resolution');

const version = (version: number, extra: Partial<MeetingRecorded> = {}) =>
  meeting({ meetingId: 'th-1', version, unitId: 'P.X.A', heldAt: HELD, kind: 'thematic', attendance: [], recordedAt: '2026-03-05T22:00:00+07:00', ...extra });
const resolutionFindings = (events: Parameters<typeof evaluate>[1], at: string) => only(evaluate(org, events, PACKS, at, FROM_2026), RULE);

describe('bg-thematic-resolution/resolution-issued', () => {
  it('a resolution recorded within 7 days meets it', () => {
    const events = [version(1), version(2, { resolutionIssued: true, recordedAt: '2026-03-11T08:00:00+07:00' })];
    expect(resolutionFindings(events, '2026-04-30T00:00:00+07:00')).toEqual([]);
  });

  it('a resolution recorded with the meeting meets it', () => {
    expect(resolutionFindings([version(1, { resolutionIssued: true })], '2026-04-30T00:00:00+07:00')).toEqual([]);
  });

  it('a resolution recorded exactly at the deadline meets it; one minute later it does not', () => {
    expect(resolutionFindings([version(1), version(2, { resolutionIssued: true, recordedAt: DUE })], '2026-04-30T00:00:00+07:00')).toEqual([]);
    const late = resolutionFindings([version(1), version(2, { resolutionIssued: true, recordedAt: '2026-03-12T19:31:00+07:00' })], '2026-04-30T00:00:00+07:00');
    expect(late.map((f) => `${f.kind} ${f.subject.id} ${f.period}`)).toEqual(['violation th-1 2026-03']);
  });

  it('a resolution only in a version recorded after the deadline: a violation at deadline + 3 days', () => {
    const events = [version(1), version(2, { resolutionIssued: true, recordedAt: '2026-03-13T08:00:00+07:00' })];
    const f = single(resolutionFindings(events, '2026-03-15T19:30:00+07:00'));
    expect(core(f)).toEqual({
      kind: 'violation',
      ruleId: RULE,
      subject: { type: 'meeting', id: 'th-1' },
      period: '2026-03',
      dueBy: '2026-03-12T19:30:00+07:00',
      missing: { resolutions: 1 },
      evidence: ['th-1'],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Thực tiễn Đảng bộ Các cơ quan tỉnh Bắc Giang');
    expect(f.message.vi).toBe(
      'Buổi sinh hoạt ngày 05/03/2026 của Chi bộ thôn A chưa ban hành nghị quyết chuyên đề trong hạn đến 12/03/2026 (Thực tiễn Đảng bộ Các cơ quan tỉnh Bắc Giang)',
    );
  });

  it('nothing in the grace days after the deadline (one minute before deadline + 3 days, and at the deadline)', () => {
    expect(resolutionFindings([version(1)], '2026-03-15T19:29:00+07:00')).toEqual([]);
    expect(resolutionFindings([version(1)], DUE)).toEqual([]);
  });

  it('reminds the cell officers from 2 days before the deadline, not a minute earlier', () => {
    const f = single(resolutionFindings([version(1)], '2026-03-10T19:30:00+07:00'));
    expect(core(f)).toEqual({
      kind: 'reminder',
      ruleId: RULE,
      subject: { type: 'meeting', id: 'th-1' },
      period: '2026-03',
      dueBy: DUE,
      missing: { resolutions: 1 },
      evidence: ['th-1'],
      recipients: A_OFFICERS,
    });
    expect(f.message.vi).toContain('cần ban hành nghị quyết chuyên đề trước 12/03/2026');
    expect(resolutionFindings([version(1)], '2026-03-10T19:29:00+07:00')).toEqual([]);
    expect(resolutionFindings([version(1)], '2026-03-12T19:29:00+07:00').map((x) => x.kind)).toEqual(['reminder']);
  });

  it('no reminder once the resolution is recorded', () => {
    expect(resolutionFindings([version(1), version(2, { resolutionIssued: true, recordedAt: '2026-03-09T08:00:00+07:00' })], '2026-03-11T00:00:00+07:00')).toEqual([]);
  });

  it('a combined meeting owes a resolution; a regular one does not', () => {
    expect(resolutionFindings([version(1, { kind: 'combined' })], '2026-04-30T00:00:00+07:00').map((f) => f.subject.id)).toEqual(['th-1']);
    expect(resolutionFindings([version(1, { kind: 'regular' })], '2026-04-30T00:00:00+07:00')).toEqual([]);
  });

  it('a later version that omits the flag does not undo a resolution recorded in time', () => {
    const events = [version(1, { resolutionIssued: true }), version(2, { resolutionIssued: false, recordedAt: '2026-03-20T08:00:00+07:00' })];
    expect(resolutionFindings(events, '2026-04-30T00:00:00+07:00')).toEqual([]);
  });

  it('a lower version with the flag, recorded in time but delivered after a higher one, still counts (any version recorded by the deadline)', () => {
    const events = [version(2, { recordedAt: '2026-03-09T08:00:00+07:00' }), version(1, { resolutionIssued: true, recordedAt: '2026-03-08T08:00:00+07:00' })];
    expect(resolutionFindings(events, '2026-04-30T00:00:00+07:00')).toEqual([]);
    // …but not when that lower version was recorded after the deadline
    const late = [version(2, { recordedAt: '2026-03-09T08:00:00+07:00' }), version(1, { resolutionIssued: true, recordedAt: '2026-03-14T08:00:00+07:00' })];
    expect(resolutionFindings(late, '2026-04-30T00:00:00+07:00').map((f) => `${f.kind} ${f.subject.id}`)).toEqual(['violation th-1']);
  });

  it('a retracted thematic meeting owes nothing', () => {
    expect(resolutionFindings([version(1), retraction('th-1', '2026-03-07T08:00:00+07:00')], '2026-04-30T00:00:00+07:00')).toEqual([]);
  });

  it('is off unless the pack is on', () => {
    expect(only(evaluate(org, [version(1)], packs(), '2026-04-30T00:00:00+07:00', FROM_2026), RULE)).toEqual([]);
  });
});
