import * as z from 'zod';
import { Id, LocalDate, Text } from './primitives.ts';

export const UnitKind = z.enum(['province', 'district', 'grassroots', 'cell']);
export const GrassrootsType = z.enum(['commune', 'agency', 'enterprise', 'armed_forces', 'other']);
/** residential = chi bộ khu dân cư (thôn, bản, tổ dân phố). */
export const CellType = z.enum(['residential', 'agency', 'enterprise', 'public_service', 'armed_forces', 'other']);
/** agency_head = head of a department, sector, Fatherland Front or socio-political organisation at that level. */
export const Role = z.enum(['secretary', 'deputy_secretary', 'standing_committee', 'executive_committee', 'agency_head']);

/** Inclusive local dates; an absent `to` is open-ended. */
const DateRange = {
  from: LocalDate.optional(),
  to: LocalDate.optional(),
};

function rangeIsOrdered(r: { from?: string | undefined; to?: string | undefined }): boolean {
  return r.from === undefined || r.to === undefined || r.from <= r.to;
}

export const Unit = z
  .strictObject({
    id: Id,
    name: Text,
    kind: UnitKind,
    parentId: Id.nullable(),
    grassrootsType: GrassrootsType.optional(),
    cellType: CellType.optional(),
    tags: z.array(Id).max(32).default([]),
    activeFrom: LocalDate.optional(),
    activeTo: LocalDate.optional(),
  })
  .refine((u) => rangeIsOrdered({ from: u.activeFrom, to: u.activeTo }), { message: 'activeTo is before activeFrom', path: ['activeTo'] })
  .refine((u) => u.kind === 'grassroots' || u.grassrootsType === undefined, { message: 'only a grassroots unit has a grassrootsType', path: ['grassrootsType'] })
  .refine((u) => u.kind === 'cell' || u.cellType === undefined, { message: 'only a cell has a cellType', path: ['cellType'] })
  .refine((u) => u.kind !== 'cell' || u.parentId !== null, { message: 'a cell must have a parent unit', path: ['parentId'] });

export const Exemption = z
  .strictObject({ from: LocalDate, to: LocalDate.optional(), reason: Text.optional() })
  .refine(rangeIsOrdered, { message: 'to is before from', path: ['to'] });

export const Member = z
  .strictObject({
    id: Id,
    name: Text,
    cellId: Id,
    status: z.enum(['full', 'probationary']).default('full'),
    joinedOn: LocalDate.optional(),
    leftOn: LocalDate.optional(),
    exemptions: z.array(Exemption).max(100).default([]),
  })
  .refine((m) => rangeIsOrdered({ from: m.joinedOn, to: m.leftOn }), { message: 'leftOn is before joinedOn', path: ['leftOn'] });

export const Position = z
  .strictObject({ unitId: Id, role: Role, ...DateRange })
  .refine(rangeIsOrdered, { message: 'to is before from', path: ['to'] });

/** phân công phụ trách, theo dõi: a unit (and its subtree) the leader is responsible for. */
export const Assignment = z
  .strictObject({ unitId: Id, ...DateRange })
  .refine(rangeIsOrdered, { message: 'to is before from', path: ['to'] });

export const Leader = z.strictObject({
  id: Id,
  name: Text,
  memberId: Id.optional(),
  positions: z.array(Position).max(100).default([]),
  assignments: z.array(Assignment).max(1000).default([]),
});

/**
 * A rule pack governing a unit and its subtree from a date (e.g. yb-qd18 for
 * the former Yên Bái communes of Lào Cai since 2019-04-16). Optional: an org
 * without bindings is governed by the packs its caller names.
 */
export const PackBinding = z
  .strictObject({ pack: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a pack id such as yb-qd18'), unitId: Id, from: LocalDate, to: LocalDate.optional() })
  .refine(rangeIsOrdered, { message: 'to is before from', path: ['to'] });

export const OrgSnapshot = z.strictObject({
  units: z.array(Unit),
  members: z.array(Member),
  leaders: z.array(Leader).default([]),
  packs: z.array(PackBinding).max(10_000).optional(),
});

export type UnitKind = z.infer<typeof UnitKind>;
export type GrassrootsType = z.infer<typeof GrassrootsType>;
export type CellType = z.infer<typeof CellType>;
export type Role = z.infer<typeof Role>;
export type PackBinding = z.infer<typeof PackBinding>;
export type Unit = z.infer<typeof Unit>;
export type Member = z.infer<typeof Member>;
export type Exemption = z.infer<typeof Exemption>;
export type Position = z.infer<typeof Position>;
export type Assignment = z.infer<typeof Assignment>;
export type Leader = z.infer<typeof Leader>;
export type OrgSnapshot = z.infer<typeof OrgSnapshot>;
