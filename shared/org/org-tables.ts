/**
 * The org snapshot as tables (the CSV and XLSX templates of docs/templates):
 * one sheet per kind of row, nested lists (exemptions, positions,
 * assignments) as sheets of their own keyed by their owner's id. Every JSON
 * path of the snapshot built here remembers the sheet, row and column it came
 * from, so an error names them.
 */
export const SHEETS = {
  units: ['id', 'name', 'kind', 'parentId', 'grassrootsType', 'cellType', 'tags', 'activeFrom', 'activeTo'],
  members: ['id', 'name', 'cellId', 'status', 'joinedOn', 'leftOn'],
  exemptions: ['memberId', 'from', 'to', 'reason'],
  leaders: ['id', 'name', 'memberId'],
  positions: ['leaderId', 'unitId', 'role', 'from', 'to'],
  assignments: ['leaderId', 'unitId', 'from', 'to'],
  packs: ['pack', 'unitId', 'from', 'to'],
} as const;
export type SheetName = keyof typeof SHEETS;

/** A sheet's rows: header names → cell text (empty cells absent); `row` is the 1-based row in the file. */
export type Table = Array<{ row: number; cells: Record<string, string> }>;
export type Tables = Partial<Record<SheetName, Table>>;

export interface Location {
  sheet: SheetName;
  row: number;
  column: string | null;
}

/** Optional columns: an empty cell leaves the field out. */
function fields(cells: Record<string, string>, columns: readonly string[], where: (column: string) => void): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = cells[c];
    if (v === undefined || v === '') continue;
    out[c] = v;
    where(c);
  }
  return out;
}

export function snapshotFromTables(tables: Tables): { json: unknown; locate: (path: ReadonlyArray<PropertyKey>) => Location | null } {
  const locations = new Map<string, Location>();
  const at = (path: Array<string | number>, loc: Location) => locations.set(path.join('.'), loc);
  const rows = (name: SheetName) => tables[name] ?? [];

  const units = rows('units').map(({ row, cells }, i) => {
    at(['units', i], { sheet: 'units', row, column: null });
    const u = fields(cells, SHEETS.units.filter((c) => c !== 'tags' && c !== 'parentId'), (c) => at(['units', i, c], { sheet: 'units', row, column: c }));
    at(['units', i, 'parentId'], { sheet: 'units', row, column: 'parentId' });
    const tags = (cells['tags'] ?? '').split(/[;,]/).map((t) => t.trim()).filter(Boolean);
    return { ...u, parentId: cells['parentId'] ? cells['parentId'] : null, ...(tags.length > 0 ? { tags } : {}) };
  });

  const exemptionsOf = new Map<string, Array<{ value: Record<string, unknown>; row: number; cells: Record<string, string> }>>();
  for (const { row, cells } of rows('exemptions')) {
    const list = exemptionsOf.get(cells['memberId'] ?? '') ?? [];
    list.push({ value: fields(cells, ['from', 'to', 'reason'], () => {}), row, cells });
    exemptionsOf.set(cells['memberId'] ?? '', list);
  }
  const members = rows('members').map(({ row, cells }, i) => {
    at(['members', i], { sheet: 'members', row, column: null });
    const m = fields(cells, SHEETS.members, (c) => at(['members', i, c], { sheet: 'members', row, column: c }));
    const exemptions = (exemptionsOf.get(cells['id'] ?? '') ?? []).map((e, j) => {
      at(['members', i, 'exemptions', j], { sheet: 'exemptions', row: e.row, column: null });
      for (const c of ['from', 'to', 'reason']) at(['members', i, 'exemptions', j, c], { sheet: 'exemptions', row: e.row, column: c });
      return e.value;
    });
    return { ...m, ...(exemptions.length > 0 ? { exemptions } : {}) };
  });

  const nested = (sheet: 'positions' | 'assignments', columns: readonly string[]) => {
    const byLeader = new Map<string, Array<{ value: Record<string, unknown>; row: number }>>();
    for (const { row, cells } of rows(sheet)) {
      const list = byLeader.get(cells['leaderId'] ?? '') ?? [];
      list.push({ value: fields(cells, columns, () => {}), row });
      byLeader.set(cells['leaderId'] ?? '', list);
    }
    return byLeader;
  };
  const positionsOf = nested('positions', ['unitId', 'role', 'from', 'to']);
  const assignmentsOf = nested('assignments', ['unitId', 'from', 'to']);
  const leaders = rows('leaders').map(({ row, cells }, i) => {
    at(['leaders', i], { sheet: 'leaders', row, column: null });
    const l = fields(cells, SHEETS.leaders, (c) => at(['leaders', i, c], { sheet: 'leaders', row, column: c }));
    const list = (sheet: 'positions' | 'assignments', from: Map<string, Array<{ value: Record<string, unknown>; row: number }>>) =>
      (from.get(cells['id'] ?? '') ?? []).map((p, j) => {
        at(['leaders', i, sheet, j], { sheet, row: p.row, column: null });
        for (const c of SHEETS[sheet]) at(['leaders', i, sheet, j, c], { sheet, row: p.row, column: c });
        return p.value;
      });
    return { ...l, positions: list('positions', positionsOf), assignments: list('assignments', assignmentsOf) };
  });

  const packs = rows('packs').map(({ row, cells }, i) => {
    at(['packs', i], { sheet: 'packs', row, column: null });
    return fields(cells, SHEETS.packs, (c) => at(['packs', i, c], { sheet: 'packs', row, column: c }));
  });

  const json = { units, members, leaders, ...(packs.length > 0 ? { packs } : {}) };
  const locate = (path: ReadonlyArray<PropertyKey>): Location | null => {
    for (let n = path.length; n > 0; n--) {
      const loc = locations.get(path.slice(0, n).map(String).join('.'));
      if (loc) return loc;
    }
    return null;
  };
  return { json, locate };
}

/** The snapshot as tables: what the templates are written from. */
export function tablesFromSnapshot(snapshot: {
  units: ReadonlyArray<Record<string, unknown>>;
  members: ReadonlyArray<Record<string, unknown> & { exemptions?: ReadonlyArray<Record<string, unknown>> }>;
  leaders: ReadonlyArray<Record<string, unknown> & { positions?: ReadonlyArray<Record<string, unknown>>; assignments?: ReadonlyArray<Record<string, unknown>> }>;
  packs?: ReadonlyArray<Record<string, unknown>> | undefined;
}): Record<SheetName, Array<Record<string, string>>> {
  const text = (r: Record<string, unknown>, columns: readonly string[]) =>
    Object.fromEntries(columns.map((c) => [c, Array.isArray(r[c]) ? (r[c] as string[]).join(';') : r[c] === undefined || r[c] === null ? '' : String(r[c])]));
  return {
    units: snapshot.units.map((u) => text(u, SHEETS.units)),
    members: snapshot.members.map((m) => text(m, SHEETS.members)),
    exemptions: snapshot.members.flatMap((m) => (m.exemptions ?? []).map((e) => text({ ...e, memberId: m['id'] }, SHEETS.exemptions))),
    leaders: snapshot.leaders.map((l) => text(l, SHEETS.leaders)),
    positions: snapshot.leaders.flatMap((l) => (l.positions ?? []).map((p) => text({ ...p, leaderId: l['id'] }, SHEETS.positions))),
    assignments: snapshot.leaders.flatMap((l) => (l.assignments ?? []).map((a) => text({ ...a, leaderId: l['id'] }, SHEETS.assignments))),
    packs: (snapshot.packs ?? []).map((p) => text(p, SHEETS.packs)),
  };
}
