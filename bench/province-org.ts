/**
 * The synthetic province's organisation: one province unit, about one commune
 * per 70 cells (a tenth of them wards, a third of the rest especially
 * difficult), cells of 5-60 members, 2% of members exempted for the year, and
 * the leaders the rules bind. Besides the org snapshot it returns the small
 * model the event stream is generated from (who sits in which cell, who may
 * visit where), so the events never need to re-read the org.
 */
import type { z } from 'zod';
import type { CellType, OrgSnapshot, Role } from '../shared/contract/org.ts';
import { AGENCY_CELLS, ENTERPRISE_CELLS, EXEMPTION_REASONS, PUBLIC_SERVICE_CELLS, personName, placeNames, residentialName } from './names.ts';
import type { Rng } from './rng.ts';

type OrgInput = z.input<typeof OrgSnapshot>;
type UnitInput = OrgInput['units'][number];
type MemberInput = OrgInput['members'][number];
type LeaderInput = NonNullable<OrgInput['leaders']>[number];

export const PROVINCE_ID = 'SH';
const CELLS_PER_COMMUNE = 70;

export interface CellModel {
  id: string;
  type: CellType;
  /** Members who are listed in attendance: everyone not exempted (the secretary first). */
  attendees: string[];
  /** The day of the month and the time the cell usually meets. */
  day: number;
  hour: number;
  minute: number;
  /** combined: the thematic part is held in the regular session once a quarter; thematic: a separate meeting. */
  thematicStyle: 'combined' | 'separate';
  /** Which month of each quarter (0-2) holds the thematic part. */
  thematicMonth: number;
}

export interface CommuneModel {
  id: string;
  especiallyDifficult: boolean;
  cells: CellModel[];
  residential: CellModel[];
  /** Commune standing and executive committee members, with the residential cell each belongs to. */
  leaders: Array<{ id: string; memberId: string; ownCellId: string }>;
}

export interface ProvincialLeaderModel {
  id: string;
  role: 'standing_committee' | 'executive_committee' | 'agency_head';
  communes: CommuneModel[];
}

export interface ProvinceModel {
  org: OrgInput;
  communes: CommuneModel[];
  provincialLeaders: ProvincialLeaderModel[];
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A random local date in [from, to] (`YYYY-MM-DD`). */
function dateBetween(rng: Rng, from: string, to: string): string {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`) / day;
  const end = Date.parse(`${to}T00:00:00Z`) / day;
  return new Date(rng.int(start, end) * day).toISOString().slice(0, 10);
}

/** Commune sizes around 70 cells (±40%), summing to exactly `cells`. */
function communeSizes(rng: Rng, cells: number, perCommune: number): number[] {
  const communes = Math.max(1, Math.round(cells / perCommune));
  const weights = Array.from({ length: communes }, () => 0.6 + 0.8 * rng.float());
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / total) * cells)));
  // Hand out (or take back) the rounding difference one cell at a time, round-robin.
  for (let i = 0, diff = cells - sizes.reduce((a, b) => a + b, 0); diff !== 0; i = (i + 1) % communes) {
    if (diff > 0) (sizes[i]!++, diff--);
    else if (sizes[i]! > 1) (sizes[i]!--, diff++);
  }
  return sizes;
}

/** Mostly residential; 12% agency, public service and enterprise cells, always leaving two residential ones. */
function cellTypes(n: number): CellType[] {
  const special = Math.max(0, Math.min(n - 2, Math.round(n * 0.12)));
  const agency = Math.ceil(special * 0.5);
  const publicService = Math.ceil((special - agency) * 0.7);
  const types: CellType[] = [];
  for (let i = 0; i < n; i++) {
    types.push(i < agency ? 'agency' : i < agency + publicService ? 'public_service' : i < special ? 'enterprise' : 'residential');
  }
  return types;
}

/** 5 to 60 members, skewed small: mean about 24, so 7,000 cells hold about 170,000 members. */
function cellSize(rng: Rng): number {
  return Math.min(60, 5 + Math.floor(56 * rng.float() ** 1.85));
}

/** The province's id and name; another id (the country benchmark's provinces) also prefixes member ids, which must be unique in the country. */
export interface ProvinceIdentity {
  id: string;
  name: string;
}

export function buildProvince(rng: Rng, cells: number, cellsPerCommune = CELLS_PER_COMMUNE, province: ProvinceIdentity = { id: PROVINCE_ID, name: 'Đảng bộ tỉnh Sơn Hà' }): ProvinceModel {
  const PROVINCE_ID = province.id;
  const memberPrefix = PROVINCE_ID === 'SH' ? 'm' : `${PROVINCE_ID}.m`;
  const units: UnitInput[] = [{ id: PROVINCE_ID, name: province.name, kind: 'province', parentId: null }];
  const members: MemberInput[] = [];
  const leaders: LeaderInput[] = [];
  const sizes = communeSizes(rng, cells, cellsPerCommune);
  const names = placeNames(rng, sizes.length);
  const communes: CommuneModel[] = [];

  sizes.forEach((size, c) => {
    const ward = c < Math.ceil(sizes.length / 10);
    const id = `${PROVINCE_ID}.C${pad(c + 1, 3)}`;
    const especiallyDifficult = !ward && rng.chance(0.33);
    units.push({
      id,
      name: `Đảng bộ ${ward ? 'phường' : 'xã'} ${names[c]}`,
      kind: 'grassroots',
      grassrootsType: 'commune',
      ...(especiallyDifficult ? { tags: ['especially_difficult'] } : {}),
      parentId: PROVINCE_ID,
      // Communes of the 2025 reform began on 1 July 2025.
      activeFrom: '2025-07-01',
    });
    const commune: CommuneModel = { id, especiallyDifficult, cells: [], residential: [], leaders: [] };
    const counters: Record<string, number> = {};
    for (const type of cellTypes(size)) {
      const code = { residential: 'KDC', agency: 'CQ', public_service: 'SN', enterprise: 'DN', armed_forces: 'LL', other: 'K' }[type];
      const n = (counters[code] = (counters[code] ?? 0) + 1);
      const cellId = `${id}.${code}${pad(n, 2)}`;
      const list = type === 'agency' ? AGENCY_CELLS : type === 'public_service' ? PUBLIC_SERVICE_CELLS : ENTERPRISE_CELLS;
      const cellName = type === 'residential' ? residentialName(rng, ward, n) : `${list[(n - 1) % list.length]!}${n > list.length ? ` số ${n}` : ''}`;
      units.push({ id: cellId, name: cellName, kind: 'cell', cellType: type, parentId: id });
      commune.cells.push(buildCell(rng, cellId, type, members, leaders, memberPrefix));
    }
    commune.residential = commune.cells.filter((cell) => cell.type === 'residential');
    communes.push(commune);
  });

  for (const commune of communes) addCommuneLeaders(rng, commune, members, leaders);
  const provincialLeaders = addProvincialLeaders(rng, communes, leaders, PROVINCE_ID);
  return { org: { units, members, leaders }, communes, provincialLeaders };
}

function buildCell(rng: Rng, cellId: string, type: CellType, members: MemberInput[], leaders: LeaderInput[], memberPrefix: string): CellModel {
  const attendees: string[] = [];
  const size = cellSize(rng);
  for (let i = 0; i < size; i++) {
    const id = `${memberPrefix}${pad(members.length + 1, 7)}`;
    const member: MemberInput = { id, name: personName(rng), cellId };
    if (rng.chance(0.05)) Object.assign(member, { status: 'probationary', joinedOn: dateBetween(rng, '2025-01-02', '2025-12-30') });
    else member.joinedOn = dateBetween(rng, '1972-02-03', '2024-12-31');
    // 2% exempted, never the first member (the secretary); the exemptions cover the whole of 2026.
    if (i > 0 && rng.chance((0.02 * size) / (size - 1))) {
      member.exemptions = [{ from: dateBetween(rng, '2023-01-01', '2026-01-01'), ...(rng.chance(0.5) ? { to: '2026-12-31' } : {}), reason: rng.pick(EXEMPTION_REASONS) }];
    } else {
      attendees.push(id);
    }
    members.push(member);
  }
  // The first member chairs the cell: bí thư chi bộ, elected at the 2025 cell congress.
  const secretary = members[members.length - size]!;
  leaders.push({ id: `bt.${cellId}`, name: secretary.name, memberId: secretary.id, positions: [{ unitId: cellId, role: 'secretary', from: '2025-05-15' }] });
  const residential = type === 'residential';
  return {
    id: cellId,
    type,
    attendees,
    day: rng.int(1, 20),
    hour: residential ? rng.pick([19, 19, 20]) : rng.pick([8, 14, 16]),
    minute: rng.pick([0, 0, 30]),
    thematicStyle: rng.chance(0.5) ? 'combined' : 'separate',
    thematicMonth: rng.int(0, 2),
  };
}

/** 5-6 per commune: bí thư and phó bí thư (also standing), a standing member, executive members. */
function addCommuneLeaders(rng: Rng, commune: CommuneModel, members: MemberInput[], leaders: LeaderInput[]): void {
  const count = rng.chance(0.5) ? 6 : 5;
  const taken = new Set<string>();
  // Member ids end in their 1-based position: m0000042, or P07.m0000042 in the country benchmark.
  const byId = (id: string): MemberInput => members[Number(id.slice(id.lastIndexOf('m') + 1)) - 1]!;
  for (let k = 1; k <= count; k++) {
    const cell = rng.pick(commune.residential);
    // Anyone in the cell but its secretary (attendees[0]) and those already chosen.
    const candidates = cell.attendees.slice(1).filter((id) => !taken.has(id));
    const memberId = candidates.length > 0 ? rng.pick(candidates) : cell.attendees[0]!;
    taken.add(memberId);
    const roles: Role[] = k === 1 ? ['secretary', 'standing_committee'] : k === 2 ? ['deputy_secretary', 'standing_committee'] : k === 3 ? ['standing_committee'] : ['executive_committee'];
    const id = `L.${commune.id}.${k}`;
    leaders.push({
      id,
      name: byId(memberId).name,
      memberId,
      positions: roles.map((role) => ({ unitId: commune.id, role, from: '2025-07-01' })),
      assignments: [{ unitId: commune.id, from: '2025-07-01' }],
    });
    commune.leaders.push({ id, memberId, ownCellId: cell.id });
  }
}

/**
 * About 55 provincial leaders: 15 of the standing committee (with the
 * secretary and deputies) following 2-3 communes each, 30 executive members
 * following 1-2 (half of them an especially difficult one) and 10 heads of
 * provincial agencies following one especially difficult commune. Their own
 * cells sit in provincial agencies, which the synthetic province leaves out,
 * so they have no memberId.
 */
function addProvincialLeaders(rng: Rng, communes: CommuneModel[], leaders: LeaderInput[], PROVINCE_ID: string): ProvincialLeaderModel[] {
  const difficult = communes.filter((c) => c.especiallyDifficult);
  const out: ProvincialLeaderModel[] = [];
  for (let k = 1; k <= 55; k++) {
    const role: ProvincialLeaderModel['role'] = k <= 15 ? 'standing_committee' : k <= 45 ? 'executive_committee' : 'agency_head';
    let assigned: CommuneModel[];
    if (role === 'standing_committee') assigned = rng.sample(communes, rng.int(2, 3));
    else if (role === 'agency_head' && difficult.length > 0) assigned = [rng.pick(difficult)];
    else {
      assigned = rng.sample(communes, rng.int(1, 2));
      if (difficult.length > 0 && rng.chance(0.5) && !assigned.some((c) => c.especiallyDifficult)) assigned[0] = rng.pick(difficult);
    }
    const extra: Role[] = k === 1 ? ['secretary'] : k <= 4 ? ['deputy_secretary'] : [];
    const id = `L.${PROVINCE_ID}.${pad(k, 2)}`;
    leaders.push({
      id,
      name: personName(rng),
      positions: [...extra, role].map((r) => ({ unitId: PROVINCE_ID, role: r, from: '2025-10-01' })),
      assignments: assigned.map((c) => ({ unitId: c.id, from: '2025-10-15' })),
    });
    out.push({ id, role, communes: assigned });
  }
  return out;
}
