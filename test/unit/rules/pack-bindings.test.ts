/**
 * Packs bound to part of the tree (the org snapshot's `packs`): a bound pack
 * governs the bound unit's subtree from its date, and nowhere else; packs
 * named for the whole run (dieu-le always) govern everywhere.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../shared/engine/engine.ts';
import { Ledger } from '../../../shared/ledger/ledger.ts';
import { instantMs } from '../../../shared/calendar/period.ts';
import { parseOrg } from '../../../shared/org/parse-org.ts';
import { attendance, buildOrg, keysOf, meeting, packs } from '../../support/builders.ts';
import { FROM_2026, ids } from '../../support/scenarios.ts';

const TEN = (cell: string) => ids(`${cell}-`, 10);
const units = [
  { id: 'P', name: 'Đảng bộ tỉnh P', kind: 'province', parentId: null },
  { id: 'P.X', name: 'Đảng bộ xã X', kind: 'grassroots', grassrootsType: 'commune', parentId: 'P' },
  { id: 'P.Y', name: 'Đảng bộ xã Y', kind: 'grassroots', grassrootsType: 'commune', parentId: 'P' },
  { id: 'P.X.A', name: 'Chi bộ thôn A', kind: 'cell', cellType: 'residential', parentId: 'P.X' },
  { id: 'P.Y.B', name: 'Chi bộ thôn B', kind: 'cell', cellType: 'residential', parentId: 'P.Y' },
];
const members = [...TEN('A').map((id) => ({ id, name: `Đảng viên ${id}`, cellId: 'P.X.A' })), ...TEN('B').map((id) => ({ id, name: `Đảng viên ${id}`, cellId: 'P.Y.B' }))];
const BOUND = [{ pack: 'hn-da11', unitId: 'P.X', from: '2026-02-01' }];
const AT = '2026-04-04T00:00:00+07:00';

/** 8 of 10 present, 2 excused: 80%, below both dieu-le's 85% and hn-da11's 90%. */
const eightOfTen = (cell: 'A' | 'B', date: string, id: string) =>
  meeting({ meetingId: id, unitId: cell === 'A' ? 'P.X.A' : 'P.Y.B', heldAt: `${date}T19:30:00+07:00`, endedAt: `${date}T21:00:00+07:00`, attendance: attendance(TEN(cell), { [`${cell}-09`]: 'excused', [`${cell}-10`]: 'excused' }) });

function hnAlerts(bindings: unknown[] | undefined, everywhere: string[] | undefined) {
  const org = buildOrg({ units, members, ...(bindings ? { packs: bindings } : {}) } as never);
  const engine = new Engine(org, packs('hn-da11'), everywhere ? { everywhere: new Set(everywhere) } : {});
  const ledger = new Ledger();
  for (const e of [eightOfTen('A', '2026-01-10', 'a-jan'), eightOfTen('A', '2026-02-10', 'a-feb'), eightOfTen('B', '2026-02-10', 'b-feb')]) engine.apply(ledger, e);
  return keysOf(engine.findingsAt(ledger, instantMs(AT), { from: instantMs(FROM_2026) }).filter((f) => f.ruleId === 'hn-da11/attendance-90'));
}

describe('pack bindings', () => {
  it('a pack bound to commune X from 1 February governs X’s cells from then on, and not commune Y', () => {
    expect(hnAlerts(BOUND, ['dieu-le'])).toEqual(['alert hn-da11/attendance-90 meeting:a-feb 2026-02']);
  });

  it('a pack named for the whole run governs everywhere, bound or not', () => {
    expect(hnAlerts(BOUND, ['dieu-le', 'hn-da11'])).toEqual([
      'alert hn-da11/attendance-90 meeting:a-jan 2026-01',
      'alert hn-da11/attendance-90 meeting:a-feb 2026-02',
      'alert hn-da11/attendance-90 meeting:b-feb 2026-02',
    ]);
  });

  it('dieu-le governs everywhere even where nothing is bound', () => {
    const org = buildOrg({ units, members, packs: BOUND } as never);
    const engine = new Engine(org, packs('hn-da11'), { everywhere: new Set(['dieu-le']) });
    const ledger = new Ledger();
    engine.apply(ledger, eightOfTen('B', '2026-02-10', 'b-feb'));
    expect(keysOf(engine.findingsAt(ledger, instantMs(AT), { from: instantMs(FROM_2026) })).filter((k) => k.startsWith('alert dieu-le/attendance-rate'))).toEqual(['alert dieu-le/attendance-rate meeting:b-feb 2026-02']);
  });

  it('a binding to an unknown unit is a reference error naming the field', () => {
    const parsed = parseOrg({ units, members, leaders: [], packs: [{ pack: 'hn-da11', unitId: 'P.Z', from: '2026-01-01' }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toEqual({ path: ['packs', 0, 'unitId'], message: 'unknown unit "P.Z"' });
  });
});
