/** td-exemptions/exemption-share (exemption-share template): alert when more than 20% of a cell's members are exempted on the quarter's first day. */
import { describe, expect, it } from 'vitest';
import { evaluate, only, packs } from '../../support/builders.ts';
import { A_WITH_UBKT, EXEMPT_2026, FROM_2026, core, ids, membersOf, oneCellOrg, single } from '../../support/scenarios.ts';

const RULE = 'td-exemptions/exemption-share';
const AT = '2026-02-01T00:00:00+07:00';
const PACKS = packs('td-exemptions');

const exempted = (memberIds: string[], exemption: object = EXEMPT_2026) => Object.fromEntries(memberIds.map((id) => [id, exemption]));

describe('td-exemptions/exemption-share', () => {
  it('exactly 20% exempted (1 of 5, 2 of 10) raises nothing', () => {
    const five = oneCellOrg(membersOf('P.X.A', ids('A', 5), exempted(['A01'])));
    expect(only(evaluate(five, [], PACKS, AT, FROM_2026), RULE)).toEqual([]);
    const ten = oneCellOrg(membersOf('P.X.A', ids('A', 10), exempted(['A01', 'A02'])));
    expect(only(evaluate(ten, [], PACKS, AT, FROM_2026), RULE)).toEqual([]);
  });

  it('above 20% (3 of 10) raises the alert for the quarter', () => {
    const org = oneCellOrg(membersOf('P.X.A', ids('A', 10), exempted(['A01', 'A02', 'A03'])));
    const f = single(only(evaluate(org, [], PACKS, AT, FROM_2026), RULE));
    expect(core(f)).toEqual({
      kind: 'alert',
      ruleId: RULE,
      subject: { type: 'cell', id: 'P.X.A' },
      period: '2026-Q1',
      dueBy: null,
      missing: { exemptedMembersOverLimit: 1 },
      evidence: [],
      recipients: A_WITH_UBKT,
    });
    expect(f.citation).toBe('Thực tiễn Huyện ủy Tam Đảo (Vĩnh Phúc, 23/4/2021)');
    expect(f.message.vi).toBe('Chi bộ thôn A có 3/10 đảng viên được miễn sinh hoạt (30%), quá 20% (Thực tiễn Huyện ủy Tam Đảo)');
  });

  it('2 of 5 (40%) is over the limit by one member', () => {
    const org = oneCellOrg(membersOf('P.X.A', ids('A', 5), exempted(['A01', 'A02'])));
    expect(single(only(evaluate(org, [], PACKS, AT, FROM_2026), RULE)).missing).toEqual({ exemptedMembersOverLimit: 1 });
  });

  it('reads exemptions on the quarter’s first day: one starting on 2 January counts from Q2 on', () => {
    const org = oneCellOrg(membersOf('P.X.A', ids('A', 5), { ...exempted(['A01']), ...exempted(['A02'], { exemptions: [{ from: '2026-01-02' }] }) }));
    const found = only(evaluate(org, [], PACKS, '2026-04-01T00:00:00+07:00', FROM_2026), RULE);
    expect(found.map((f) => `${f.kind} ${f.subject.id} ${f.period}`)).toEqual(['alert P.X.A 2026-Q2']);
  });

  it('counts only members active on the first day: one who left before is not in the denominator', () => {
    // 1 exempted of 4 active = 25% (with the departed member, 1 of 5 would be 20%)
    const org = oneCellOrg(membersOf('P.X.A', ids('A', 5), { ...exempted(['A01']), A05: { leftOn: '2025-12-31' } }));
    expect(only(evaluate(org, [], PACKS, AT, FROM_2026), RULE).map((f) => f.period)).toEqual(['2026-Q1']);
  });

  it('is off unless the pack is on', () => {
    const org = oneCellOrg(membersOf('P.X.A', ids('A', 5), exempted(['A01', 'A02', 'A03'])));
    expect(only(evaluate(org, [], packs(), AT, FROM_2026), RULE)).toEqual([]);
  });
});
